// What an active seat is, in one place: a seat counts until the teacher removes its student.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { participants } from "../../../db/schema";

/** The SQL side of "active": every query for the seats that count goes through this. */
export const isActiveSeat = isNull(participants.removedAt);
/** The same rule for rows already loaded (a view needs removed students' names too). */
export const activeOf = <T extends { removedAt: Date | null }>(rows: readonly T[]) => rows.filter((p) => p.removedAt === null);

/** A session's active seats, in join order. */
export const activeSeats = (tx: Database | Transaction, sessionId: string) =>
  tx
    .select()
    .from(participants)
    .where(and(eq(participants.sessionId, sessionId), isActiveSeat))
    .orderBy(asc(participants.joinedAt), asc(participants.id));

/** Every seat ever taken in a session, removed ones too (their words keep their author's name). */
export const allSeats = (tx: Database | Transaction, sessionId: string) =>
  tx.select().from(participants).where(eq(participants.sessionId, sessionId)).orderBy(asc(participants.joinedAt), asc(participants.id));
