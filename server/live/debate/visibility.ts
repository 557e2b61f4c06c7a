// Who may read an argument. One rule for views, deltas, votes and challenges.
import type { RoundRow } from "../../../db/schema";
import { rooms } from "../publish/rooms";
import type { RoundKind } from "../views/types";

/** Crossfire is a public exchange; a speech is public once the teacher reveals its round. */
export const isPublic = (kind: RoundKind, round: Pick<RoundRow, "revealedAt">) => kind === "crossfire" || round.revealedAt !== null;

export type Reader = { role: "host" } | { role: "projector" } | { role: "participant"; participantId: string; sideId: string | null };

export function canRead(reader: Reader, argument: { participantId: string; sideId: string }, isPublicRound: boolean): boolean {
  if (reader.role === "host" || isPublicRound) return true;
  if (reader.role === "projector") return false;
  // Teammates read each other's speeches as they are written.
  return argument.participantId === reader.participantId || (reader.sideId !== null && argument.sideId === reader.sideId);
}

/** The rooms an argument's changes go to, by the same rule: the teacher, the author's side, and everyone once public. */
export function argumentRooms(argument: { sessionId: string; sideId: string }, isPublicRound: boolean): string[] {
  const to = [rooms.host(argument.sessionId), rooms.side(argument.sessionId, argument.sideId)];
  if (isPublicRound) to.push(rooms.session(argument.sessionId));
  return to;
}
