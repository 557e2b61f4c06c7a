// Lobby commands: the teacher arranges sides, renames and removes students, and answers requests to rejoin.
import type { Live } from "../live";
import type { Handle } from "./handlers";

const host = ["host"] as const;

export function registerLobbyHandlers(handle: Handle, live: Live) {
  handle("lobby:autoBalance", host, (data) => live.autoBalanceSides(data.teacherId, data.sessionId));
  handle("lobby:moveParticipant", host, async (data, p) => {
    await live.moveParticipant(data.teacherId, data.sessionId, p.participantId, p.sideId);
    return null;
  });
  handle("lobby:lockSides", host, async (data, p) => {
    await live.lockSides(data.teacherId, data.sessionId, p.locked);
    return null;
  });
  handle("lobby:removeParticipant", host, async (data, p) => {
    await live.removeParticipant(data.teacherId, data.sessionId, p.participantId);
    return null;
  });
  handle("lobby:renameParticipant", host, (data, p) => live.renameParticipant(data.teacherId, data.sessionId, p.participantId, p.name));
  handle("lobby:approveRejoin", host, async (data, p) => {
    await live.approveRejoin(data.teacherId, data.sessionId, p.requestId);
    return null;
  });
  handle("lobby:refuseRejoin", host, async (data, p) => {
    await live.refuseRejoin(data.teacherId, data.sessionId, p.requestId);
    return null;
  });
}
