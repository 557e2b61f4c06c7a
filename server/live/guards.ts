// Checks commands share, thrown as LiveErrors with stable codes.
import type { SessionRow } from "../../db/schema";
import { LiveError } from "./errors";

const ENDED = "This session has ended.";
export const REMOVED = "The teacher removed you from this session.";

export const SESSION_NOT_FOUND = "This session does not exist.";
/** The one answer for a session that does not exist, or that the asker may not see: ids reveal nothing. */
export const sessionNotFound = () => new LiveError("not_found", SESSION_NOT_FOUND);

/** Another teacher's session is answered as one that does not exist (as `hostedSession` does). */
export function requireHost(session: SessionRow, teacherId: string) {
  if (session.teacherId !== teacherId) throw sessionNotFound();
}

export function requireOpen(session: SessionRow) {
  if (session.status === "ended") throw new LiveError("closed", ENDED);
}
