// The quiz standings of a session: every student's points and rank, and the sides' averages.
// Computed from the stored points (set when each question closes) and cached until the next
// teacher command, so a class reconnecting at once reads it once, not once per student.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { PackedScenario } from "../../../content/schema";
import type { Database } from "../../../db/client";
import { quizAnswers, quizQuestions } from "../../../db/schema";
import { activeSeats } from "../lobby/seats";
import { sideOfSeat, sideIdsOf } from "../lobby/sides";
import { quizTotals, rankLeaders, sideQuizTotals } from "../scoring/quiz";
import { sessionMap } from "../sessionCaches";
import type { LeaderEntry, SideQuizTotal } from "../views/types";

export type QuizBoard = { ranked: LeaderEntry[]; byId: Map<string, LeaderEntry>; sides: SideQuizTotal[] };

/** Each student's quiz points per side they answered on, summed in SQL: the board and the standings count from these. */
export const quizPointRows = (db: Database, sessionId: string) =>
  db
    .select({ participantId: quizAnswers.participantId, sideId: quizAnswers.sideId, points: sql<number>`sum(${quizAnswers.points})::int` })
    .from(quizAnswers)
    .innerJoin(quizQuestions, eq(quizQuestions.id, quizAnswers.questionId))
    .where(and(eq(quizQuestions.sessionId, sessionId), isNotNull(quizAnswers.points)))
    .groupBy(quizAnswers.participantId, quizAnswers.sideId);

export function createQuizBoards(db: Database) {
  const boards = new Map<string, Promise<QuizBoard>>();

  async function build(sessionId: string, scenario: PackedScenario): Promise<QuizBoard> {
    const [seats, rows] = await Promise.all([activeSeats(db, sessionId), quizPointRows(db, sessionId)]);
    const points = quizTotals(rows);
    const sideIds = sideIdsOf(scenario);
    const ranked = rankLeaders(seats.map((s) => ({ participantId: s.id, name: s.displayName, sideId: sideOfSeat(s, sideIds), points: points.get(s.id) ?? 0 })));
    const sides = sideQuizTotals(
      scenario.sides.map(({ id, name }) => ({ id, name })),
      seats.flatMap((s) => {
        const sideId = sideOfSeat(s, sideIds);
        return sideId ? [{ participantId: s.id, sideId }] : [];
      }),
      rows,
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
    cache: sessionMap(boards),
  };
}

export type QuizBoards = ReturnType<typeof createQuizBoards>;
