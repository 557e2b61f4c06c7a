// Running the session's round plan: the teacher starts, pauses, resumes, extends, ends, skips
// and reveals rounds; a round closes by itself at its deadline, on whichever node's timer fires
// first. Every change is a teacher command (under the session lock) that sends one small
// `round:changed` delta to the whole session.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { challenges, debateArguments, rounds, sessions, type RoundRow, type SessionRow } from "../../../db/schema";
import type { CommandContext, CommandRunner } from "../command";
import { isPublic } from "../debate/visibility";
import { LiveError } from "../errors";
import { requireHost } from "../guards";
import { rooms } from "../publish/rooms";
import { allSeats } from "../lobby/seats";
import { cardsById } from "../views/cards";
import { argumentView, currentRound, namesOf, planItems, settingsOf } from "../views/debate";
import { closeClock, extendClock, isDue, pauseClock, resumeClock, startClock, type ClockResult, type ClockState } from "./clock";
import { isRunning, isRunningRound } from "./running";
import type { Round } from "./plan";
import { createDeadlines } from "../deadlines";

/** Closing or pausing a round stores the students' writes already waiting first (hotpath/gates.ts). */
const QUIESCE = { quiesce: true } as const;
const clockOf = (row: RoundRow): ClockState => ({
  status: row.status === "skipped" ? "closed" : row.status,
  endsAt: row.endsAt ? row.endsAt.getTime() : null,
  remainingMs: row.remainingMs,
});
const clockColumns = (clock: ClockState) => ({ status: clock.status, endsAt: clock.endsAt === null ? null : new Date(clock.endsAt), remainingMs: clock.remainingMs });

/** Sends the plan and current round to everyone in the session, after the commit. */
async function announceRound({ tx, session, out }: CommandContext) {
  const rows = await tx.select().from(rounds).where(eq(rounds.sessionId, session.id)).orderBy(asc(rounds.planIndex));
  out.emit(rooms.session(session.id), "round:changed", {
    version: session.version,
    serverTime: Date.now(),
    plan: planItems(session.roundPlan, rows),
    round: currentRound(session.roundPlan, rows),
  });
}

/** Shows a round's arguments to everyone: one delta with all of them, for those who could not read them. */
async function revealRound(ctx: CommandContext, round: RoundRow) {
  const { tx, session, scenario, out } = ctx;
  const [revealed] = await tx
    .update(rounds)
    .set({ revealedAt: new Date() })
    .where(and(eq(rounds.id, round.id), isNull(rounds.revealedAt)))
    .returning();
  if (!revealed) return false;
  const [argumentRows, seats, challengeRows] = await Promise.all([
    tx.select().from(debateArguments).where(eq(debateArguments.roundId, round.id)).orderBy(asc(debateArguments.createdAt)),
    allSeats(tx, session.id),
    tx.select().from(challenges).where(eq(challenges.sessionId, session.id)),
  ]);
  const names = namesOf(seats);
  const cards = cardsById(scenario);
  out.emit(rooms.session(session.id), "arguments:revealed", {
    version: session.version,
    roundId: round.id,
    arguments: argumentRows.map((a) => argumentView(a, names, cards, challengeRows)),
  });
  return true;
}

/** What runs inside rounds (a poll round's poll, a quiz round's questions) opens and closes with them. */
export type RoundHooks = {
  started(ctx: CommandContext, round: RoundRow, planned: Round): Promise<void>;
  closed(ctx: CommandContext, round: RoundRow): Promise<void>;
  sessionEnded(ctx: CommandContext): Promise<void>;
};

export function createRounds(db: Database, { runCommand }: CommandRunner, hooks: RoundHooks) {
  const timers = createDeadlines(runCommand, "a round", async (ctx, roundId) => {
    const [row] = await ctx.tx
      .select()
      .from(rounds)
      .where(and(eq(rounds.id, roundId), eq(rounds.status, "open")));
    if (!row?.endsAt) return;
    if (!isDue(clockOf(row), Date.now())) return row.endsAt.getTime();
    await closeRunning(ctx, row);
    await announceRound(ctx);
  });

  async function runningRound(tx: Transaction, session: SessionRow, roundId: string) {
    const [row] = await tx.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.sessionId, session.id)));
    if (!row) throw new LiveError("not_found", "That round is not part of this session.");
    if (!isRunning(row)) throw new LiveError("closed", "That round has already closed.");
    return row;
  }

  async function closeRunning(ctx: CommandContext, row: RoundRow) {
    const clock = closeClock(clockOf(row), Date.now());
    await ctx.tx.update(rounds).set({ ...clockColumns(clock), remainingMs: 0, closedAt: new Date() }).where(eq(rounds.id, row.id));
    ctx.out.after(() => timers.disarm(row.id));
    await hooks.closed(ctx, row);
  }

  /** A clock change the teacher asked for: applied, stored, re-armed and announced, or refused. */
  function changeClock(teacherId: string, sessionId: string, roundId: string, change: (clock: ClockState, now: number) => ClockResult) {
    // A pause stops a poll round's votes: those already waiting are stored first.
    return runCommand(sessionId, async (ctx) => {
      requireHost(ctx.session, teacherId);
      const row = await runningRound(ctx.tx, ctx.session, roundId);
      const result = change(clockOf(row), Date.now());
      if (!result.ok) throw new LiveError("closed", result.message);
      await ctx.tx.update(rounds).set(clockColumns(result.clock)).where(eq(rounds.id, row.id));
      const { endsAt } = result.clock;
      ctx.out.after(() => (endsAt === null ? timers.disarm(row.id) : timers.arm(sessionId, row.id, endsAt)));
      await announceRound(ctx);
      return null;
    }, QUIESCE);
  }

  return {
    /** Re-arms the deadline of every open round (at start-up); rounds already past it close now. */
    async rearm() {
      const open = await db.select().from(rounds).where(eq(rounds.status, "open"));
      for (const row of open) if (row.endsAt) timers.arm(row.sessionId, row.id, row.endsAt.getTime());
    },

    async startRound(teacherId: string, sessionId: string, index: number) {
      return runCommand(sessionId, async (ctx) => {
        const { tx, session } = ctx;
        requireHost(session, teacherId);
        const planned = session.roundPlan[index];
        if (!planned) throw new LiveError("not_found", "That round is not part of this session's plan.");
        const [busy] = await tx.select().from(rounds).where(and(eq(rounds.sessionId, sessionId), isRunningRound));
        if (busy) throw new LiveError("closed", "Another round is still running. End it before starting the next.");
        const [done] = await tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.sessionId, sessionId), eq(rounds.planIndex, index)));
        if (done) throw new LiveError("closed", `“${planned.title}” has already been run or skipped.`);
        const clock = startClock(planned.seconds, Date.now());
        const [row] = await tx
          .insert(rounds)
          .values({ sessionId, planIndex: index, ...clockColumns(clock), revealedAt: session.argumentsLive ? new Date() : null })
          .returning();
        if (session.status === "lobby") await tx.update(sessions).set({ status: "live" }).where(eq(sessions.id, sessionId));
        ctx.out.after(() => timers.arm(sessionId, row.id, clock.endsAt!));
        await hooks.started(ctx, row, planned);
        await announceRound(ctx);
        return null;
      });
    },

    async skipRound(teacherId: string, sessionId: string, index: number) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const planned = ctx.session.roundPlan[index];
        if (!planned) throw new LiveError("not_found", "That round is not part of this session's plan.");
        const [row] = await ctx.tx
          .insert(rounds)
          .values({ sessionId, planIndex: index, status: "skipped", closedAt: new Date() })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new LiveError("closed", `“${planned.title}” has already been run or skipped.`);
        await announceRound(ctx);
        return null;
      });
    },

    pauseRound: (teacherId: string, sessionId: string, roundId: string) => changeClock(teacherId, sessionId, roundId, pauseClock),
    resumeRound: (teacherId: string, sessionId: string, roundId: string) => changeClock(teacherId, sessionId, roundId, resumeClock),
    extendRound: (teacherId: string, sessionId: string, roundId: string, seconds: number) =>
      changeClock(teacherId, sessionId, roundId, (clock, now) => extendClock(clock, seconds, now)),

    /** Ends a round early: the same close as its deadline. */
    async endRound(teacherId: string, sessionId: string, roundId: string) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        await closeRunning(ctx, await runningRound(ctx.tx, ctx.session, roundId));
        await announceRound(ctx);
        return null;
      }, QUIESCE);
    },

    async revealArguments(teacherId: string, sessionId: string, roundId: string) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const [row] = await ctx.tx.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.sessionId, sessionId)));
        if (!row || row.status === "skipped") throw new LiveError("not_found", "That round is not part of this session.");
        if (isPublic(ctx.session.roundPlan[row.planIndex].kind, row)) throw new LiveError("closed", "Everyone can already read this round's arguments.");
        await revealRound(ctx, row);
        return null;
      });
    },

    /** Showing arguments live also reveals the round running now. */
    async updateSettings(teacherId: string, sessionId: string, change: Partial<Pick<SessionRow, "argumentsLive" | "scoreboard" | "quizSpeed" | "quizStreak" | "pollFilter">>) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const [session] = await ctx.tx.update(sessions).set(change).where(eq(sessions.id, sessionId)).returning();
        ctx.out.emit(rooms.session(sessionId), "settings:changed", { version: session.version, settings: settingsOf(session) });
        if (change.argumentsLive) {
          const [row] = await ctx.tx.select().from(rounds).where(and(eq(rounds.sessionId, sessionId), isRunningRound));
          if (row) await revealRound({ ...ctx, session }, row);
        }
        if (change.scoreboard) ctx.out.scores(sessionId);
        return null;
      });
    },

    /** Ending the session closes the round running, so no one can write after the end. */
    async endSession(teacherId: string, sessionId: string) {
      await runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const [row] = await ctx.tx.select().from(rounds).where(and(eq(rounds.sessionId, sessionId), isRunningRound));
        if (row) await closeRunning(ctx, row);
        await hooks.sessionEnded(ctx);
        const [ended] = await ctx.tx.update(sessions).set({ status: "ended", endedAt: new Date() }).where(eq(sessions.id, sessionId)).returning();
        await announceRound({ ...ctx, session: ended });
        ctx.out.views(sessionId);
        ctx.out.participants(sessionId);
      }, QUIESCE);
    },

    disarmSession: timers.disarmSession,
    stop: timers.stop,
  };
}

export type Rounds = ReturnType<typeof createRounds>;
