// The quiz part of every view: the current question (its answer only for the teacher until it
// closes), progress, the top five, the podium once a quiz round has closed, and a student's own
// answer, result, total and rank.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { PackedScenario, QuizItem } from "../../../content/schema";
import type { Database } from "../../../db/client";
import { participants, quizAnswers, quizQuestions, rounds, type QuizQuestionRow, type SessionRow } from "../../../db/schema";
import { isRunning } from "../rounds/running";
import { isActiveSeat, seatCount } from "../lobby/seats";
import { sessionMap } from "../sessionCaches";
import { isCorrect, quizDistribution, answerKey, quizOptions } from "../scoring/quiz";
import type { MyQuiz, QuizQuestionView, QuizView } from "../views/types";
import type { QuizBoards } from "./board";
import type { QuizProgressTracker } from "./progress";
import { storedStreaks } from "./streaks";

export type QuizAudience = "host" | "others";
const TOP = 5;
const PODIUM = 3;

/** The answers that count in a question's bars and "N of M": those of seats still active. */
const countedAnswers = (questionId: string) => and(eq(quizAnswers.questionId, questionId), isActiveSeat);

export function createQuizViews(db: Database, boards: QuizBoards, progress: QuizProgressTracker) {
  // A closed question's answers never change: the bars of a session's last question are counted
  // once (and again after a removal).
  const distributions = new Map<string, { questionId: string; result: Promise<QuizQuestionView["distribution"]> }>();

  function distributionOf(question: QuizQuestionRow, item: QuizItem) {
    const held = distributions.get(question.sessionId);
    if (held?.questionId === question.id) return held.result;
    const result = db
      .select({ answer: quizAnswers.answer })
      .from(quizAnswers)
      .innerJoin(participants, eq(participants.id, quizAnswers.participantId))
      .where(countedAnswers(question.id))
      .then((rows) => quizDistribution(item, rows.map((r) => r.answer)));
    distributions.set(question.sessionId, { questionId: question.id, result });
    result.catch(() => distributions.get(question.sessionId)?.result === result && distributions.delete(question.sessionId));
    return result;
  }

  /** "N of M have answered": as held in memory while the question is open and answered, else counted from the rows. */
  async function progressOf(question: QuizQuestionRow, seated: number): Promise<NonNullable<QuizView["progress"]>> {
    const held = question.status === "open" ? await progress.held(question.id, seated) : undefined;
    if (held) return held;
    const [answered] = await db
      .select({ n: count() })
      .from(quizAnswers)
      .innerJoin(participants, eq(participants.id, quizAnswers.participantId))
      .where(countedAnswers(question.id));
    // Open with nothing held: no count was broadcast yet. Closed: final, no broadcast may overtake it.
    return { questionId: question.id, seq: question.status === "open" ? 0 : Number.MAX_SAFE_INTEGER, answered: answered.n, of: seated };
  }

  async function questionView(question: QuizQuestionRow, scenario: PackedScenario, audience: QuizAudience): Promise<QuizQuestionView | null> {
    const item = scenario.quiz.find((q) => q.id === question.itemId);
    if (!item) return null;
    const closed = question.status === "closed";
    return {
      id: question.id,
      itemId: item.id,
      position: question.position,
      kind: item.kind,
      prompt: item.prompt,
      options: quizOptions(item),
      unit: item.kind === "numeric" ? (item.unit ?? null) : null,
      multiplier: question.multiplier,
      status: question.status,
      startedAt: question.startedAt.getTime(),
      endsAt: question.endsAt.getTime(),
      roundId: question.roundId,
      key: closed || audience === "host" ? answerKey(item, scenario.sources) : null,
      distribution: closed ? await distributionOf(question, item) : null,
    };
  }

  return {

    async part(session: Pick<SessionRow, "id" | "roundPlan">, scenario: PackedScenario, audience: QuizAudience): Promise<QuizView> {
      const sessionId = session.id;
      const [latest] = await db.select().from(quizQuestions).where(eq(quizQuestions.sessionId, sessionId)).orderBy(desc(quizQuestions.position)).limit(1);
      const empty: QuizView = { question: null, progress: null, asked: 0, bank: scenario.quiz.length, round: null, leaderboard: [], podium: null };
      if (!latest) return empty;
      const [[round], [inRound], of, anyClosed] = await Promise.all([
        latest.roundId ? db.select().from(rounds).where(eq(rounds.id, latest.roundId)) : [],
        latest.roundId ? db.select({ n: count() }).from(quizQuestions).where(eq(quizQuestions.roundId, latest.roundId)) : [],
        seatCount(db, sessionId),
        db.select({ id: quizQuestions.id }).from(quizQuestions).where(and(eq(quizQuestions.sessionId, sessionId), eq(quizQuestions.status, "closed"))).limit(1),
      ]);
      const board = anyClosed.length ? await boards.get(sessionId, scenario) : null;
      const roundClosed = round !== undefined && !isRunning(round);
      return {
        question: await questionView(latest, scenario, audience),
        progress: await progressOf(latest, of),
        asked: latest.position,
        bank: scenario.quiz.length,
        round: round ? { roundId: round.id, asked: inRound.n, of: session.roundPlan[round.planIndex]?.questions ?? inRound.n } : null,
        leaderboard: board ? board.ranked.slice(0, TOP) : [],
        podium: board && roundClosed && latest.status === "closed" ? { top: board.ranked.slice(0, PODIUM), sides: board.sides } : null,
      };
    },

    /** Each student's own answer to the current question, and how they stand: two reads for any number of students. */
    async mine(session: Pick<SessionRow, "id">, scenario: PackedScenario, quiz: QuizView, participantIds: readonly string[]): Promise<Map<string, MyQuiz>> {
      const question = quiz.question;
      const wanted = [...participantIds];
      const [answers, streakOf, board] = await Promise.all([
        question && wanted.length
          ? db.select().from(quizAnswers).where(and(eq(quizAnswers.questionId, question.id), inArray(quizAnswers.participantId, wanted)))
          : [],
        // None before the first question is asked: a lobby's views skip the read.
        quiz.asked === 0 ? new Map<string, number>() : storedStreaks(db, session.id, { participantIds: wanted }),
        quiz.leaderboard.length ? boards.get(session.id, scenario) : null,
      ]);
      const answerOf = new Map(answers.map((a) => [a.participantId, a]));
      const closed = question?.status === "closed";
      return new Map(
        wanted.map((id) => {
          const row = answerOf.get(id);
          const standing = board?.byId.get(id);
          const mine: MyQuiz = {
            answer: row && question ? { questionId: question.id, value: row.answer } : null,
            result:
              closed && question && standing
                ? {
                    questionId: question.id,
                    answered: row !== undefined,
                    correct: row ? isCorrect(row.credit) : false,
                    credit: row?.credit ?? 0,
                    points: row?.points ?? 0,
                    // As stored after the last question worth points: this one, or (a 0× one) the one before.
                    streak: streakOf.get(id) ?? 0,
                    total: standing.points,
                    rank: standing.rank,
                  }
                : null,
            total: standing?.points ?? 0,
            rank: standing?.rank ?? null,
            streak: streakOf.get(id) ?? 0,
          };
          return [id, mine];
        }),
      );
    },

    /** A removed student leaves the bars too. */
    seatRemoved(sessionId: string) {
      distributions.delete(sessionId);
    },

    cache: sessionMap(distributions),
  };
}

export type QuizViews = ReturnType<typeof createQuizViews>;
