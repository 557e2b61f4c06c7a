// Lobby commands: the teacher arranges sides and removes students.
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
}
