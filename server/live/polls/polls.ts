// Polls: the teacher opens one (from the scenario, as a plan round, or typed on the spot),
// students vote, the teacher closes and reveals it. Votes take the hot path: checked against
// the session's gate, stored in batches, acknowledged after their batch commits, and counted
// in memory (./tallies.ts). The teacher's commands take the session lock like every other.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { participants, polls, pollVotes, sessions, type PollRow, type RoundRow } from "../../../db/schema";
import { POLL_LIMITS } from "../../limits";
import type { CommandContext, CommandRunner } from "../command";
import { LiveError } from "../errors";
import { requireHost, sessionNotFound } from "../guards";
import type { HotPath } from "../hotpath";
import { busy, HOT_BATCH } from "../hotpath/batcher";
import { queryRows } from "../hotpath/rows";
import type { PollGate } from "../hotpath/gates";
import { containsProfanity } from "../lobby/profanity";
import { isActiveSeat } from "../lobby/seats";
import type { LiveServer } from "../publish/events";
import { rooms } from "../publish/rooms";
import type { Round } from "../rounds/plan";
import { entryKey } from "../scoring/wordCloud";
import { pollOptions } from "./options";
import type { PollViews } from "./views";
import type { Tallies } from "./tallies";

export const POLL_CLOSED = "This poll is closed.";
const ANOTHER_OPEN = "Another poll is still open. Close it before starting the next.";


type VoteItem = { sessionId: string; pollId: string; participantId: string; choices: number[]; text: string | null };
export type VotePayload = { pollId: string; choices: number[]; text?: string };
export type StartPoll = {
  scenarioPollId?: string;
  custom?: { kind: "scale" | "choice" | "multiple" | "text"; prompt: string; options: string[] };
  results?: "live" | "hidden";
  anonymous?: boolean;
};

/** A vote that fits its poll's kind, as stored; or the reason it does not. */
function checkVote(poll: PollGate, vote: VotePayload): { choices: number[]; text: string | null } {
  if (poll.kind === "text") {
    const text = vote.text?.trim() ?? "";
    if (vote.choices.length > 0 || !text) throw new LiveError("invalid", "Type a short answer.");
    if (text.length > POLL_LIMITS.entry) throw new LiveError("invalid", `An answer can be at most ${POLL_LIMITS.entry} characters.`);
    if (poll.filter && containsProfanity(text)) throw new LiveError("invalid", "Please choose other words: this answer would not be shown.");
    return { choices: [], text };
  }
  if (vote.text !== undefined) throw new LiveError("invalid", "This poll takes a choice, not text.");
  const { choices } = vote;
  if (choices.some((c) => c >= poll.options)) throw new LiveError("invalid", "That option is not part of this poll.");
  if (new Set(choices).size !== choices.length) throw new LiveError("invalid", "Choose each option once.");
  if (poll.kind === "multiple") {
    if (choices.length === 0) throw new LiveError("invalid", "Choose at least one option.");
    return { choices: [...choices].sort((a, b) => a - b), text: null };
  }
  if (choices.length !== 1) throw new LiveError("invalid", "Choose one option.");
  return { choices, text: null };
}

type Deps = { db: Database; io: LiveServer; commands: CommandRunner; hot: HotPath; tallies: Tallies; views: PollViews };

export function createPolls({ db, io, commands, hot, tallies, views }: Deps) {
  const { runCommand } = commands;

  /**
   * One statement stores a batch: the poll must be open (and its round running) and the seat
   * active, in SQL as in the gate; a changed vote replaces the student's row.
   */
  async function storeVotes(items: VoteItem[]): Promise<boolean[]> {
    const key = (v: { pollId: string; participantId: string }) => `${v.pollId} ${v.participantId}`;
    const last = new Map(items.map((v) => [key(v), v]));
    const batch = [...last.values()].map((v) => ({ poll_id: v.pollId, participant_id: v.participantId, choices: v.choices, text: v.text }));
    const rows = await queryRows<{ poll_id: string; participant_id: string }>(
      db,
      sql`insert into ${pollVotes} (poll_id, participant_id, choices, text, updated_at)
          select v.poll_id, v.participant_id, v.choices, v.text, now()
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(poll_id uuid, participant_id uuid, choices jsonb, text text)
          join ${polls} o on o.id = v.poll_id and o.status = 'open'
          join ${participants} p on p.id = v.participant_id and p.session_id = o.session_id and p.removed_at is null
          where o.round_id is null or exists (select 1 from rounds r where r.id = o.round_id and r.status = 'open')
          for share of o
          on conflict (poll_id, participant_id) do update set choices = excluded.choices, text = excluded.text, updated_at = excluded.updated_at
          returning poll_id, participant_id`,
    );
    const stored = new Set(rows.map((r) => key({ pollId: r.poll_id, participantId: r.participant_id })));
    const byPoll = new Map<string, VoteItem[]>();
    for (const v of last.values()) {
      if (!stored.has(key(v))) continue;
      const list = byPoll.get(v.pollId);
      if (list) list.push(v);
      else byPoll.set(v.pollId, [v]);
    }
    await Promise.all([...byPoll].map(([pollId, votes]) => tallies.apply({ id: pollId, sessionId: votes[0].sessionId }, votes)));
    return items.map((v) => stored.has(key(v)));
  }
  const votes = hot.batcher({ ...HOT_BATCH, run: storeVotes });

  /** Tells every audience what the polls part now looks like, after the commit. */
  function announce(ctx: CommandContext, changed?: PollRow) {
    const { session, out } = ctx;
    // A closed motion poll (closing or revealed) may show the persuasion result: audience points.
    if (changed?.kind === "motion" && changed.status === "closed") out.scores(session.id);
    out.after(async () => {
      if (changed) await tallies.changed(changed);
      const [host, others] = await Promise.all([views.part(session.id, "host"), views.part(session.id, "others")]);
      io.to(rooms.host(session.id)).emit("poll:changed", { version: session.version, ...host });
      io.to(rooms.session(session.id)).except(rooms.host(session.id)).emit("poll:changed", { version: session.version, ...others });
    });
  }

  async function insertPoll(ctx: CommandContext, values: Omit<typeof polls.$inferInsert, "sessionId">) {
    const { tx, session } = ctx;
    const [open] = await tx.select({ id: polls.id, roundId: polls.roundId }).from(polls).where(and(eq(polls.sessionId, session.id), eq(polls.status, "open")));
    if (open) throw new LiveError("closed", ANOTHER_OPEN);
    const [poll] = await tx.insert(polls).values({ sessionId: session.id, ...values }).returning();
    // Views show the newest poll: the counts held for earlier ones are given back.
    ctx.out.after(() => tallies.cache.forget(session.id));
    if (session.status === "lobby") await tx.update(sessions).set({ status: "live" }).where(eq(sessions.id, session.id));
    announce(ctx, poll);
    return poll;
  }

  /** The scenario's poll as a new row: its options, phase and result rules copied in. */
  function fromScenario(ctx: CommandContext, scenarioPollId: string, roundId: string | null, overrides: Pick<StartPoll, "results" | "anonymous"> = {}) {
    const poll = ctx.scenario.polls.find((p) => p.id === scenarioPollId);
    if (!poll) throw new LiveError("not_found", "That poll is not part of this scenario.");
    return insertPoll(ctx, {
      roundId,
      scenarioPollId: poll.id,
      kind: poll.kind,
      prompt: poll.prompt,
      options: pollOptions(poll),
      phase: poll.kind === "motion" && poll.when !== "any" ? poll.when : null,
      results: overrides.results ?? poll.results ?? (poll.kind === "motion" ? "hidden" : "live"),
      anonymous: overrides.anonymous ?? poll.anonymous ?? false,
    });
  }

  async function closeWhere(ctx: CommandContext, condition: ReturnType<typeof and>) {
    const closed = await ctx.tx.update(polls).set({ status: "closed", closedAt: new Date() }).where(and(eq(polls.sessionId, ctx.session.id), eq(polls.status, "open"), condition)).returning();
    for (const poll of closed) {
      // The result is counted again from the stored rows.
      ctx.out.after(() => tallies.closed(poll.id));
      announce(ctx, poll);
    }
    return closed;
  }

  /** The session's poll with this id, for a teacher's command on it. */
  async function pollOf(ctx: CommandContext, pollId: string) {
    const [poll] = await ctx.tx.select().from(polls).where(and(eq(polls.id, pollId), eq(polls.sessionId, ctx.session.id)));
    if (!poll) throw new LiveError("not_found", "That poll is not part of this session.");
    return poll;
  }

  return {
    /** Tells every audience the polls part again (a removal changed the counts). */
    announce: (ctx: CommandContext) => announce(ctx),

    /** For rounds: a plan round of kind poll opens its poll as it starts. */
    async openForRound(ctx: CommandContext, round: RoundRow, planned: Round) {
      if (planned.poll) await fromScenario(ctx, planned.poll, round.id);
    },

    /** For rounds: closing a round closes the poll it runs. */
    closeForRound: (ctx: CommandContext, roundId: string) => closeWhere(ctx, eq(polls.roundId, roundId)),

    /** For ending the session: nothing stays open. */
    closeAll: (ctx: CommandContext) => closeWhere(ctx, undefined),

    startPoll(teacherId: string, sessionId: string, start: StartPoll) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        if (start.scenarioPollId) return { pollId: (await fromScenario(ctx, start.scenarioPollId, null, start)).id };
        const custom = start.custom!;
        if ((custom.kind === "choice" || custom.kind === "multiple") && custom.options.length < 2)
          throw new LiveError("invalid", "A choice poll needs at least two options.", "options");
        if ((custom.kind === "choice" || custom.kind === "multiple") && new Set(custom.options).size !== custom.options.length)
          throw new LiveError("invalid", "Options must differ from each other.", "options");
        const options = pollOptions(custom);
        const poll = await insertPoll(ctx, {
          roundId: null,
          scenarioPollId: null,
          kind: custom.kind,
          prompt: custom.prompt,
          options,
          phase: null,
          results: start.results ?? "live",
          anonymous: start.anonymous ?? false,
        });
        return { pollId: poll.id };
      });
    },

    closePoll(teacherId: string, sessionId: string, pollId: string) {
      return runCommand(
        sessionId,
        async (ctx) => {
          requireHost(ctx.session, teacherId);
          const poll = await pollOf(ctx, pollId);
          if (poll.status !== "open") throw new LiveError("closed", POLL_CLOSED);
          if (poll.roundId) throw new LiveError("invalid", "This poll closes with its round: end the round instead.");
          await closeWhere(ctx, eq(polls.id, pollId));
          return null;
        },
        { quiesce: true },
      );
    },

    revealPoll(teacherId: string, sessionId: string, pollId: string) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const poll = await pollOf(ctx, pollId);
        if (poll.revealedAt || poll.results === "live") throw new LiveError("closed", "Everyone can already see this poll's results.");
        const [revealed] = await ctx.tx.update(polls).set({ revealedAt: new Date() }).where(eq(polls.id, pollId)).returning();
        announce(ctx, revealed);
        return null;
      });
    },

    hideEntry(teacherId: string, sessionId: string, pollId: string, entry: string, hidden: boolean) {
      return runCommand(sessionId, async (ctx) => {
        requireHost(ctx.session, teacherId);
        const poll = await pollOf(ctx, pollId);
        if (poll.kind !== "text") throw new LiveError("invalid", "Only a word cloud has entries to hide.");
        const key = entryKey(entry);
        const rest = poll.hiddenEntries.filter((e) => e !== key);
        const [changed] = await ctx.tx
          .update(polls)
          .set({ hiddenEntries: hidden ? [...rest, key] : rest })
          .where(eq(polls.id, pollId))
          .returning();
        announce(ctx, changed);
        return null;
      });
    },

    /** Who voted what: the teacher's, never for an anonymous poll. A read: no lock, no new version. */
    async pollVoters(teacherId: string, sessionId: string, pollId: string) {
      const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
      if (!session) throw sessionNotFound();
      requireHost(session, teacherId);
      const [poll] = await db.select().from(polls).where(and(eq(polls.id, pollId), eq(polls.sessionId, sessionId)));
      if (!poll) throw new LiveError("not_found", "That poll is not part of this session.");
      if (poll.anonymous) throw new LiveError("forbidden", "This poll is anonymous: no one can see who voted what.");
      const rows = await db
        .select({ participantId: pollVotes.participantId, name: participants.displayName, choices: pollVotes.choices, text: pollVotes.text })
        .from(pollVotes)
        // A removed student's vote no longer counts, here as in the count.
        .innerJoin(participants, and(eq(participants.id, pollVotes.participantId), isActiveSeat))
        .where(eq(pollVotes.pollId, pollId))
        .orderBy(participants.displayName);
      return { voters: rows };
    },

    /** A student's vote: checked at the gate, stored with its batch, answered after the commit. */
    async castPollVote(student: { participantId: string; sessionId: string }, vote: VotePayload): Promise<null> {
      const stored = await hot.gates
        .admit(student.sessionId, ({ poll }) => {
          if (!poll || poll.id !== vote.pollId || !poll.accepting || (poll.endsAt !== null && Date.now() >= poll.endsAt))
            throw new LiveError("closed", POLL_CLOSED);
          const checked = checkVote(poll, vote);
          return votes.add({ sessionId: student.sessionId, pollId: poll.id, participantId: student.participantId, ...checked });
        })
        .catch(busy);
      if (!stored) throw new LiveError("closed", POLL_CLOSED);
      return null;
    },
  };
}

export type Polls = ReturnType<typeof createPolls>;
