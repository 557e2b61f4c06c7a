// Lobby commands: the teacher arranges sides, renames and removes students, and answers requests to rejoin.
import type { Live } from "../live";
import { handle, type LiveSocket } from "./handlers";

const host = ["host"] as const;

export function registerLobbyHandlers(socket: LiveSocket, live: Live) {
  handle(socket, "lobby:autoBalance", host, (data) => live.autoBalanceSides(data.teacherId, data.sessionId));
  handle(socket, "lobby:moveParticipant", host, async (data, p) => {
    await live.moveParticipant(data.teacherId, data.sessionId, p.participantId, p.sideId);
    return null;
  });
  handle(socket, "lobby:lockSides", host, async (data, p) => {
    await live.lockSides(data.teacherId, data.sessionId, p.locked);
    return null;
  });
  handle(socket, "lobby:removeParticipant", host, async (data, p) => {
    await live.removeParticipant(data.teacherId, data.sessionId, p.participantId);
    return null;
  });
  handle(socket, "lobby:renameParticipant", host, (data, p) => live.renameParticipant(data.teacherId, data.sessionId, p.participantId, p.name));
  handle(socket, "lobby:approveRejoin", host, async (data, p) => {
    await live.approveRejoin(data.teacherId, data.sessionId, p.requestId);
    return null;
  });
  handle(socket, "lobby:refuseRejoin", host, async (data, p) => {
    await live.refuseRejoin(data.teacherId, data.sessionId, p.requestId);
    return null;
  });
}
