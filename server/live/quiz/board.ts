// The quiz standings of a session: every student's points and rank, and the sides' averages.
// Computed from the stored points (set when each question closes) and cached until the next
// teacher command, so a class reconnecting at once reads it once, not once per student.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { PackedScenario } from "../../../content/schema";
import type { Database } from "../../../db/client";
import { quizAnswers, quizQuestions } from "../../../db/schema";
import { activeSeats } from "../lobby/seats";
import { sideOfSeat, sideIdsOf } from "../lobby/sides";
import { rankLeaders, sideQuizTotals } from "../scoring/quiz";
import type { LeaderEntry, SideQuizTotal } from "../views/types";

export type QuizBoard = { ranked: LeaderEntry[]; byId: Map<string, LeaderEntry>; sides: SideQuizTotal[] };

export function createQuizBoards(db: Database) {
  const boards = new Map<string, Promise<QuizBoard>>();

  async function build(sessionId: string, scenario: PackedScenario): Promise<QuizBoard> {
    const scored = and(eq(quizQuestions.sessionId, sessionId), isNotNull(quizAnswers.points));
    const [seats, perStudent, perSide] = await Promise.all([
      activeSeats(db, sessionId),
      db
        .select({ participantId: quizAnswers.participantId, points: sql<number>`sum(${quizAnswers.points})::int` })
        .from(quizAnswers)
        .innerJoin(quizQuestions, eq(quizQuestions.id, quizAnswers.questionId))
        .where(scored)
        .groupBy(quizAnswers.participantId),
      db
        .select({ sideId: quizAnswers.sideId, points: sql<number>`sum(${quizAnswers.points})::int` })
        .from(quizAnswers)
        .innerJoin(quizQuestions, eq(quizQuestions.id, quizAnswers.questionId))
        .where(scored)
        .groupBy(quizAnswers.sideId),
    ]);
    const points = new Map(perStudent.map((r) => [r.participantId, r.points]));
    const sideIds = sideIdsOf(scenario);
    const ranked = rankLeaders(seats.map((s) => ({ participantId: s.id, name: s.displayName, sideId: sideOfSeat(s, sideIds), points: points.get(s.id) ?? 0 })));
    const sides = sideQuizTotals(
      scenario.sides.map(({ id, name }) => ({ id, name })),
      seats.flatMap((s) => {
        const sideId = sideOfSeat(s, sideIds);
        return sideId ? [{ participantId: s.id, sideId }] : [];
      }),
      perSide.flatMap((r) => (r.sideId ? [{ sideId: r.sideId, points: r.points }] : [])),
    );
    return { ranked, byId: new Map(ranked.map((e) => [e.participantId, e])), sides };
  }

  return {
    get(sessionId: string, scenario: PackedScenario): Promise<QuizBoard> {
      let board = boards.get(sessionId);
      if (!board) {
        board = build(sessionId, scenario);
        boards.set(sessionId, board);
        board.catch(() => boards.get(sessionId) === board && boards.delete(sessionId));
      }
      return board;
    },
    invalidate(sessionId: string) {
      boards.delete(sessionId);
    },
  };
}

export type QuizBoards = ReturnType<typeof createQuizBoards>;
