// Session-wide events: a fresh snapshot for any audience, and ending the session.
import type { Live } from "../live";
import type { Handle } from "./handlers";

export function registerSessionHandlers(handle: Handle, live: Live) {
  handle("session:snapshot", ["host", "projector", "participant"], (data) => live.snapshot(data));
  handle("session:end", ["host"], async (data) => {
    await live.endSession(data.teacherId, data.sessionId);
    return null;
  });
}
