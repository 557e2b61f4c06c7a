// What an active seat is, in one place: a seat counts until the teacher removes its student.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { participants } from "../../../db/schema";

/** The SQL side of "active": every query for the seats that count goes through this. */
export const isActiveSeat = isNull(participants.removedAt);
/** The same rule for a row already loaded. */
export const isActive = (seat: { removedAt: Date | null }) => seat.removedAt === null;
/** The active ones of rows already loaded (a view needs removed students' names too). */
export const activeOf = <T extends { removedAt: Date | null }>(rows: readonly T[]) => rows.filter(isActive);

/** A session's active seats, in join order. */
export const activeSeats = (tx: Database | Transaction, sessionId: string) =>
  tx
    .select()
    .from(participants)
    .where(and(eq(participants.sessionId, sessionId), isActiveSeat))
    .orderBy(asc(participants.joinedAt), asc(participants.id));

/** What views show of a seat: never its token. */
export const seatColumns = { id: participants.id, displayName: participants.displayName, sideId: participants.sideId, removedAt: participants.removedAt };
export type Seat = { id: string; displayName: string; sideId: string | null; removedAt: Date | null };

/** Every seat ever taken in a session, removed ones too (their words keep their author's name). */
export const allSeats = (tx: Database | Transaction, sessionId: string): Promise<Seat[]> =>
  tx.select(seatColumns).from(participants).where(eq(participants.sessionId, sessionId)).orderBy(asc(participants.joinedAt), asc(participants.id));

/**
 * A session's active seats counted per side, in SQL: a join learns how full the session is and
 * which side is smallest without reading a single seat, so its cost does not grow with the class.
 */
export async function seatsPerSide(tx: Database | Transaction, sessionId: string): Promise<Map<string | null, number>> {
  const rows = await tx
    .select({ sideId: participants.sideId, n: count() })
    .from(participants)
    .where(and(eq(participants.sessionId, sessionId), isActiveSeat))
    .groupBy(participants.sideId);
  return new Map(rows.map((r) => [r.sideId, r.n]));
}

/** How many active seats a session has: the "of M" in "N of M have voted". */
export async function seatCount(tx: Database | Transaction, sessionId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(participants).where(and(eq(participants.sessionId, sessionId), isActiveSeat));
  return row?.n ?? 0;
}
