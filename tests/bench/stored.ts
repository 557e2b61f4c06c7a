// What reached the database, read after the server has stopped (PGlite allows one process at a
// time, and a stopped server has nothing left in flight): the rows of the benchmark's polls and
// question, checked against what the server acknowledged.
import { count, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { pollVotes, quizAnswers } from "../../db/schema";
import type { SeatVotes } from "./votes";

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * stored: rows for the poll (one per student: a changed vote replaces the row). lost: students
 * whose last acknowledged vote is not the stored one (nor one they sent after it that was never
 * acknowledged, which may legitimately replace it). duplicated: rows beyond one per student.
 */
export async function checkVotes(db: Database, pollId: string, seats: SeatVotes[]) {
  const rows = await db.select({ participantId: pollVotes.participantId, choices: pollVotes.choices }).from(pollVotes).where(eq(pollVotes.pollId, pollId));
  const byStudent = new Map(rows.map((r) => [r.participantId, r.choices]));
  const lost = seats.filter(({ participantId, lastAcked, after }) => {
    if (!lastAcked) return false;
    const row = byStudent.get(participantId);
    return !row || !(same(row, lastAcked) || after.some((choices) => same(row, choices)));
  }).length;
  const groups = await db.select({ rows: count() }).from(pollVotes).where(eq(pollVotes.pollId, pollId)).groupBy(pollVotes.participantId).having(gt(count(), 1));
  return {
    stored: rows.length,
    voters: seats.filter((s) => s.lastAcked).length,
    lost,
    duplicated: groups.reduce((sum, g) => sum + g.rows - 1, 0),
  };
}

/** Rows for the question, and acknowledged answers (by student) without one. */
export async function checkAnswers(db: Database, questionId: string, acked: string[]) {
  const rows = await db.select({ participantId: quizAnswers.participantId }).from(quizAnswers).where(eq(quizAnswers.questionId, questionId));
  const stored = new Set(rows.map((r) => r.participantId));
  return { stored: rows.length, lost: acked.filter((id) => !stored.has(id)).length };
}
