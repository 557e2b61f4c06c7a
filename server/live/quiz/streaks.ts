// Students' answer streaks as stored: each answer's streak is set when its question closes, and
// streaks run over the questions that count (a 0× question neither extends nor breaks one).
import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { quizAnswers, quizQuestions } from "../../../db/schema";

/**
 * Each student's streak after the last closed question worth points, before `position` when
 * given; only `participantIds` when given. A student missing from the map has no streak.
 */
export async function storedStreaks(
  db: Database | Transaction,
  sessionId: string,
  { before, participantIds }: { before?: number; participantIds?: readonly string[] } = {},
): Promise<Map<string, number>> {
  if (participantIds?.length === 0) return new Map();
  const [last] = await db
    .select({ id: quizQuestions.id })
    .from(quizQuestions)
    .where(
      and(
        eq(quizQuestions.sessionId, sessionId),
        eq(quizQuestions.status, "closed"),
        gt(quizQuestions.multiplier, 0),
        before === undefined ? undefined : lt(quizQuestions.position, before),
      ),
    )
    .orderBy(desc(quizQuestions.position))
    .limit(1);
  if (!last) return new Map();
  const rows = await db
    .select({ participantId: quizAnswers.participantId, streak: quizAnswers.streak })
    .from(quizAnswers)
    .where(and(eq(quizAnswers.questionId, last.id), participantIds ? inArray(quizAnswers.participantId, [...participantIds]) : undefined));
  return new Map(rows.map((r) => [r.participantId, r.streak ?? 0]));
}
