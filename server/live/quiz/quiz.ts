// The quiz: the teacher asks questions from the scenario's bank (in order, shuffled or picked,
// alone or as a plan round of N), each with its own deadline on the server's clock. Answers take
// the hot path (gate, batch, acknowledgement after commit); points are set when the question
// closes, from the stored answers and the session's settings then (../scoring/quiz.ts).
import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { participants, quizAnswers, quizQuestions, rounds, sessions, type QuizAnswerValue, type QuizQuestionRow } from "../../../db/schema";
import type { CommandContext, CommandRunner } from "../command";
import { LiveError } from "../errors";
import { requireHost } from "../guards";
import type { HotPath } from "../hotpath";
import type { QuestionGate } from "../hotpath/gates";
import { busy, HOT_BATCH } from "../hotpath/batcher";
import { queryRows } from "../hotpath/rows";
import type { LiveServer } from "../publish/events";
import { rooms } from "../publish/rooms";
import { isRunningRound } from "../rounds/running";
import { createDeadlines } from "../deadlines";
import { checkQuizAnswer, quizCredit, scoreQuestion, streakAfter } from "../scoring/quiz";
import type { QuizBoards } from "./board";
import type { QuizProgressTracker } from "./progress";
import { storedStreaks } from "./streaks";
import type { QuizViews } from "./views";

export const QUESTION_CLOSED = "Time is up: this question is closed.";
const ALREADY_ANSWERED = "You have already answered this question.";
const ANOTHER_OPEN = "A question is still open. Close it before asking the next.";

type AnswerItem = { sessionId: string; questionId: string; participantId: string; answer: QuizAnswerValue; credit: number; elapsedMs: number };

type Deps = { db: Database; io: LiveServer; commands: CommandRunner; hot: HotPath; boards: QuizBoards; views: QuizViews; progress: QuizProgressTracker };

export function createQuiz({ db, io, commands, hot, boards, views, progress }: Deps) {
  const { runCommand } = commands;
  const timers = createDeadlines(runCommand, "a quiz question", async (ctx, questionId) => {
    const [question] = await ctx.tx.select().from(quizQuestions).where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.status, "open")));
    if (!question) return;
    if (Date.now() < question.endsAt.getTime()) return question.endsAt.getTime();
    await closeQuestion(ctx, question);
  });
  const pending = new Set<string>();

  /** One statement stores a batch; a question closed in the database, or a removed seat, stores nothing. */
  async function storeAnswers(items: AnswerItem[]): Promise<boolean[]> {
    const key = (a: { questionId: string; participantId: string }) => `${a.questionId} ${a.participantId}`;
    const batch = items.map((a) => ({ question_id: a.questionId, participant_id: a.participantId, answer: a.answer, credit: a.credit, elapsed_ms: a.elapsedMs }));
    try {
      const rows = await queryRows<{ question_id: string; participant_id: string }>(
        db,
        sql`insert into ${quizAnswers} (question_id, participant_id, side_id, answer, credit, elapsed_ms)
            select v.question_id, v.participant_id, p.side_id, v.answer, v.credit, v.elapsed_ms
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(question_id uuid, participant_id uuid, answer jsonb, credit real, elapsed_ms integer)
            join ${quizQuestions} q on q.id = v.question_id and q.status = 'open'
            join ${participants} p on p.id = v.participant_id and p.session_id = q.session_id and p.removed_at is null
            for share of q
            on conflict do nothing
            returning question_id, participant_id`,
      );
      const stored = new Set(rows.map((r) => key({ questionId: r.question_id, participantId: r.participant_id })));
      const byQuestion = new Map<string, { sessionId: string; ids: string[] }>();
      for (const a of items) {
        if (!stored.has(key(a))) continue;
        const entry = byQuestion.get(a.questionId) ?? { sessionId: a.sessionId, ids: [] };
        entry.ids.push(a.participantId);
        byQuestion.set(a.questionId, entry);
      }
      await Promise.all([...byQuestion].map(([questionId, { sessionId, ids }]) => progress.stored(sessionId, questionId, ids)));
      return items.map((a) => stored.has(key(a)));
    } finally {
      for (const a of items) pending.delete(key(a));
    }
  }
  const answers = hot.batcher({ ...HOT_BATCH, run: storeAnswers });

  /** Tells every audience the quiz part as it may see it, after the commit. */
  function announce(ctx: CommandContext) {
    const { session, scenario, out } = ctx;
    out.after(async () => {
      const [host, others] = await Promise.all([views.part(session, scenario, "host"), views.part(session, scenario, "others")]);
      io.to(rooms.host(session.id)).emit("quiz:changed", { version: session.version, quiz: host });
      io.to(rooms.session(session.id)).except(rooms.host(session.id)).emit("quiz:changed", { version: session.version, quiz: others });
    });
  }

  /** Closes a question: stores every answer's points and streak, then tells each student how it went. */
  async function closeQuestion(ctx: CommandContext, question: QuizQuestionRow) {
    const { tx, session, scenario } = ctx;
    const [closed] = await tx
      .update(quizQuestions)
      .set({ status: "closed", closedAt: new Date() })
      .where(and(eq(quizQuestions.id, question.id), eq(quizQuestions.status, "open")))
      .returning();
    if (!closed) return;
    const [rows, previousStreaks] = await Promise.all([
      tx.select().from(quizAnswers).where(eq(quizAnswers.questionId, question.id)),
      storedStreaks(tx, session.id, { before: question.position }),
    ]);
    const creditOf = new Map(rows.map((r) => [r.participantId, r.credit]));
    const scored = scoreQuestion({
      answers: rows.map((a) => ({ participantId: a.participantId, credit: a.credit, elapsedMs: a.elapsedMs })),
      previousStreaks,
      limitMs: question.endsAt.getTime() - question.startedAt.getTime(),
      multiplier: question.multiplier,
      speed: session.quizSpeed,
      streak: session.quizStreak,
    });
    const update = [...scored].map(([participantId, s]) => ({ participant_id: participantId, points: s.points, streak: s.streak }));
    if (update.length)
      await tx.execute(sql`update ${quizAnswers} a set points = v.points, streak = v.streak
        from jsonb_to_recordset(${JSON.stringify(update)}::jsonb) as v(participant_id uuid, points integer, streak integer)
        where a.question_id = ${question.id} and a.participant_id = v.participant_id`);
    ctx.out.after(() => timers.disarm(question.id));
    ctx.out.after(() => progress.closed(question.id));
    // Quiz points count in the standings.
    ctx.out.scores(session.id);
    // Each student's own result, with their total and rank from the board the close just changed.
    ctx.out.after(async () => {
      boards.invalidate(session.id);
      const board = await boards.get(session.id, scenario);
      for (const entry of board.ranked) {
        const mine = scored.get(entry.participantId);
        io.to(rooms.participant(entry.participantId)).emit("quiz:result", {
          questionId: question.id,
          answered: mine !== undefined,
          correct: mine?.correct ?? false,
          credit: creditOf.get(entry.participantId) ?? 0,
          points: mine?.points ?? 0,
          streak: streakAfter(question.multiplier, previousStreaks.get(entry.participantId) ?? 0, mine),
          total: entry.points,
          rank: entry.rank,
        });
      }
    });
    announce(ctx);
  }

  async function openQuestions(ctx: CommandContext, roundId?: string) {
    const conditions = [eq(quizQuestions.sessionId, ctx.session.id), eq(quizQuestions.status, "open")];
    if (roundId) conditions.push(eq(quizQuestions.roundId, roundId));
    return ctx.tx.select().from(quizQuestions).where(and(...conditions));
  }

  return {
    /** Tells every audience the quiz part again (a removal changed the counts). */
    announce,

    /** For rounds: closing a quiz round closes its open question. */
    async closeForRound(ctx: CommandContext, roundId: string) {
      const open = await openQuestions(ctx, roundId);
      for (const q of open) await closeQuestion(ctx, q);
      // The round's end shows the podium: closing a question announced it already.
      if (open.length === 0) announce(ctx);
    },

    /** For ending the session. */
    async closeAll(ctx: CommandContext) {
      for (const q of await openQuestions(ctx)) await closeQuestion(ctx, q);
    },

    /** Re-arms the deadlines of open questions (at start-up). */
    async rearm() {
      for (const q of await db.select().from(quizQuestions).where(eq(quizQuestions.status, "open"))) timers.arm(q.sessionId, q.id, q.endsAt.getTime());
    },

    askQuizQuestion(teacherId: string, sessionId: string, ask: { itemId?: string; order: "inOrder" | "shuffled"; multiplier?: 0 | 1 | 2 }) {
      return runCommand(sessionId, async (ctx) => {
        const { tx, session, scenario } = ctx;
        requireHost(session, teacherId);
        if ((await openQuestions(ctx)).length) throw new LiveError("closed", ANOTHER_OPEN);
        const asked = await tx.select({ itemId: quizQuestions.itemId, roundId: quizQuestions.roundId }).from(quizQuestions).where(eq(quizQuestions.sessionId, sessionId));
        let item;
        if (ask.itemId) {
          item = scenario.quiz.find((q) => q.id === ask.itemId);
          if (!item) throw new LiveError("not_found", "That question is not in this scenario's bank.");
        } else {
          const done = new Set(asked.map((a) => a.itemId));
          const left = scenario.quiz.filter((q) => !done.has(q.id));
          if (left.length === 0) throw new LiveError("closed", "Every question in the bank has been asked. Pick one to ask again.");
          item = ask.order === "shuffled" ? left[randomInt(left.length)] : left[0];
        }
        // Inside a running plan quiz round, at most its N questions.
        const [round] = await tx.select().from(rounds).where(and(eq(rounds.sessionId, sessionId), isRunningRound));
        const planned = round ? session.roundPlan[round.planIndex] : undefined;
        const quizRound = planned?.kind === "quiz" ? round : undefined;
        if (quizRound && planned?.questions !== undefined && asked.filter((a) => a.roundId === quizRound.id).length >= planned.questions)
          throw new LiveError("closed", `This round's ${planned.questions} questions have all been asked.`);
        const now = Date.now();
        const endsAt = now + item.seconds * 1000;
        const [question] = await tx
          .insert(quizQuestions)
          .values({
            sessionId,
            roundId: quizRound?.id ?? null,
            itemId: item.id,
            position: asked.length + 1,
            multiplier: ask.multiplier ?? item.points,
            startedAt: new Date(now),
            endsAt: new Date(endsAt),
          })
          .returning();
        if (session.status === "lobby") await tx.update(sessions).set({ status: "live" }).where(eq(sessions.id, sessionId));
        ctx.out.after(() => timers.arm(sessionId, question.id, endsAt));
        announce(ctx);
        return { questionId: question.id };
      });
    },

    /** Closes a question before its deadline. */
    endQuizQuestion(teacherId: string, sessionId: string, questionId: string) {
      return runCommand(
        sessionId,
        async (ctx) => {
          requireHost(ctx.session, teacherId);
          const [question] = await ctx.tx.select().from(quizQuestions).where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.sessionId, sessionId)));
          if (!question) throw new LiveError("not_found", "That question is not part of this session.");
          if (question.status !== "open") throw new LiveError("closed", "That question has already closed.");
          await closeQuestion(ctx, question);
          return null;
        },
        { quiesce: true },
      );
    },

    /** A student's answer: on time by the server's clock, checked, stored with its batch, answered after the commit. */
    async submitQuizAnswer(student: { participantId: string; sessionId: string }, questionId: string, answer: QuizAnswerValue): Promise<null> {
      const receivedAt = Date.now();
      const key = `${questionId} ${student.participantId}`;
      const open = (question: QuestionGate | null): question is QuestionGate => question?.id === questionId && receivedAt < question.endsAt;
      // Who has answered is read only for a question the gate has open (never for any id a client sends).
      const entry = await hot.gates.admit(student.sessionId, ({ question }) => (open(question) ? progress.of(student.sessionId, questionId) : undefined));
      if (!entry) throw new LiveError("closed", QUESTION_CLOSED);
      const stored = await hot.gates
        .admit(student.sessionId, ({ question }) => {
          if (!open(question)) throw new LiveError("closed", QUESTION_CLOSED);
          const check = checkQuizAnswer(question.item, answer);
          if (!check.ok) throw new LiveError("invalid", check.message);
          if (pending.has(key) || entry.ids.has(student.participantId)) throw new LiveError("invalid", ALREADY_ANSWERED);
          pending.add(key);
          return answers
            .add({ sessionId: student.sessionId, questionId, participantId: student.participantId, answer, credit: quizCredit(question.item, answer), elapsedMs: receivedAt - question.startedAt })
            .catch((error) => {
              pending.delete(key);
              throw error;
            });
        })
        .catch(busy);
      // Not stored: the question closed in the database, or (a retry whose first try was stored) already answered.
      if (!stored) throw entry.ids.has(student.participantId) ? new LiveError("invalid", ALREADY_ANSWERED) : new LiveError("closed", QUESTION_CLOSED);
      return null;
    },

    /** A deleted session: its question's deadline and who had answered it go. */
    forgetSession(sessionId: string) {
      timers.disarmSession(sessionId);
      progress.forget(sessionId);
    },

    stop() {
      timers.stop();
      progress.stop();
    },
  };
}

export type Quiz = ReturnType<typeof createQuiz>;
