// Session-wide events: a fresh snapshot for any audience, and ending the session.
import type { Live } from "../live";
import { handle, type LiveSocket } from "./handlers";

export function registerSessionHandlers(socket: LiveSocket, live: Live) {
  handle(socket, "session:snapshot", ["host", "projector", "participant"], (data) => live.snapshot(data));
  handle(socket, "session:end", ["host"], async (data) => {
    await live.endSession(data.teacherId, data.sessionId);
    return null;
  });
}
