// Checks commands share, thrown as LiveErrors with stable codes.
import type { SessionRow } from "../../db/schema";
import { LiveError } from "./errors";

const ENDED = "This session has ended.";
export const REMOVED = "The teacher removed you from this session.";

/** The one answer for a session that does not exist, or that the asker may not see: ids reveal nothing. */
export const sessionNotFound = () => new LiveError("not_found", "This session does not exist.");

export function requireHost(session: SessionRow, teacherId: string) {
  if (session.teacherId !== teacherId) throw new LiveError("forbidden", "Only the teacher running this session can do that.");
}

export function requireOpen(session: SessionRow) {
  if (session.status === "ended") throw new LiveError("closed", ENDED);
}
