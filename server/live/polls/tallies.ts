// Each poll's count, kept in memory and broadcast a few times a second, never once per vote.
// A cache of the `poll_votes` rows of active seats: it holds each student's last vote, is filled
// from the rows the first time a poll is needed (after a restart, or once the session's memory
// was swept), and is changed only by stored votes (after their batch commits) and removals, so
// the count equals the rows that count. Results hidden from students reach only the teacher
// until the reveal; "N of M have voted" reaches everyone.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { participants, polls, pollVotes, type PollRow } from "../../../db/schema";
import { logError } from "../../errorLog";
import { isActiveSeat, seatCount } from "../lobby/seats";
import type { SessionCache } from "../sessionCaches";
import type { LiveServer } from "../publish/events";
import { rooms } from "../publish/rooms";
import { wordCloud } from "../scoring/wordCloud";
import type { PollTally } from "../views/types";

export type StoredVote = { participantId: string; choices: number[]; text: string | null };
type Tally = { poll: PollRow; votes: Map<string, StoredVote>; seq: number; timer?: NodeJS.Timeout; dropped?: boolean };

/** Whether students and the projector may see the results now. */
export const resultsShown = (poll: Pick<PollRow, "results" | "revealedAt">) => poll.results === "live" || poll.revealedAt !== null;

/** The count as one audience sees it, from the votes held. */
export function tallyOf(poll: PollRow, votes: Iterable<StoredVote>, seq: number, of: number, audience: "host" | "others"): PollTally {
  const list = [...votes];
  const shown = audience === "host" || resultsShown(poll);
  let counts: number[] | null = null;
  let cloud: PollTally["cloud"] = null;
  if (shown && poll.kind === "text") {
    cloud = wordCloud(
      list.flatMap((v) => (v.text ? [v.text] : [])),
      new Set(poll.hiddenEntries),
      { keepHidden: audience === "host" },
    );
  } else if (shown) {
    counts = poll.options.map(() => 0);
    for (const v of list) for (const c of v.choices) if (c < counts.length) counts[c]++;
  }
  return { pollId: poll.id, seq, voted: list.length, of, counts, cloud };
}

/** Every stored vote of a poll by a seat still active (a removed student's vote no longer counts). */
export async function storedVotes(db: Database, pollId: string): Promise<StoredVote[]> {
  return db
    .select({ participantId: pollVotes.participantId, choices: pollVotes.choices, text: pollVotes.text })
    .from(pollVotes)
    .innerJoin(participants, and(eq(participants.id, pollVotes.participantId), isActiveSeat))
    .where(eq(pollVotes.pollId, pollId));
}

export function createTallies(db: Database, io: LiveServer, intervalMs = 250) {
  const tallies = new Map<string, { sessionId: string; tally: Promise<Tally> }>();
  // One sequence for every tally of the process: a poll's counts read again (after a close, a
  // sweep) go on from the numbers already sent, so a client never ignores the newer ones.
  let lastSeq = 0;
  let stopped = false;

  /** The poll's tally, read from its rows the first time it is needed. */
  function ensure(poll: Pick<PollRow, "id" | "sessionId">): Promise<Tally> {
    const held = tallies.get(poll.id);
    if (held) return held.tally;
    const tally = Promise.all([db.select().from(polls).where(eq(polls.id, poll.id)), storedVotes(db, poll.id)]).then(([[row], votes]) => {
      if (!row) throw new Error(`poll ${poll.id} is missing`);
      return { poll: row, seq: lastSeq, votes: new Map(votes.map((v) => [v.participantId, v])) };
    });
    tallies.set(poll.id, { sessionId: poll.sessionId, tally });
    tally.catch(() => tallies.get(poll.id)?.tally === tally && tallies.delete(poll.id));
    return tally;
  }

  function drop(pollId: string) {
    const held = tallies.get(pollId);
    tallies.delete(pollId);
    void held?.tally.then(
      (t) => {
        t.dropped = true;
        clearTimeout(t.timer);
      },
      () => {},
    );
  }

  async function broadcast(tally: Tally) {
    tally.timer = undefined;
    if (stopped || tally.dropped) return;
    const { poll } = tally;
    const of = await seatCount(db, poll.sessionId);
    // Dropped meanwhile: the counts read again speak for the poll now.
    if (tally.dropped) return;
    tally.seq = ++lastSeq;
    io.to(rooms.host(poll.sessionId)).emit("poll:tally", tallyOf(poll, tally.votes.values(), tally.seq, of, "host"));
    io.to(rooms.session(poll.sessionId)).except(rooms.host(poll.sessionId)).emit("poll:tally", tallyOf(poll, tally.votes.values(), tally.seq, of, "others"));
  }

  function schedule(tally: Tally) {
    if (stopped || tally.dropped || tally.timer) return;
    tally.timer = setTimeout(() => void broadcast(tally).catch((e) => logError("broadcasting a poll's count failed", e)), intervalMs);
  }

  const sessionIdsOf = () => new Set([...tallies.values()].map((t) => t.sessionId));

  return {
    /** Stored votes (after their commit): each replaces the student's earlier vote. */
    async apply(poll: Pick<PollRow, "id" | "sessionId">, stored: readonly StoredVote[]) {
      const tally = await ensure(poll);
      for (const v of stored) tally.votes.set(v.participantId, v);
      schedule(tally);
    },

    /** The poll's row changed (closed, revealed, an entry hidden): counts follow its new rules. */
    async changed(poll: PollRow) {
      const tally = await ensure(poll);
      tally.poll = poll;
    },

    /** The count as an audience sees it now, for a view. */
    async current(poll: PollRow, of: number, audience: "host" | "others"): Promise<PollTally> {
      const tally = await ensure(poll);
      return tallyOf(poll, tally.votes.values(), tally.seq, of, audience);
    },

    /** One student's vote, as stored. */
    async voteOf(poll: Pick<PollRow, "id" | "sessionId">, participantId: string): Promise<StoredVote | undefined> {
      return (await ensure(poll)).votes.get(participantId);
    },

    /** A closed poll is counted again from its stored rows. */
    closed(pollId: string) {
      drop(pollId);
    },

    /** A removed student's votes leave the counts held (their rows stay stored). */
    async seatRemoved(sessionId: string, participantId: string) {
      const held = [...tallies.values()].filter((t) => t.sessionId === sessionId);
      for (const tally of await Promise.all(held.map((t) => t.tally.catch(() => undefined)))) {
        if (tally?.votes.delete(participantId) && tally.poll.status === "open") schedule(tally);
      }
    },

    cache: {
      sessions: sessionIdsOf,
      forget(sessionId: string) {
        for (const [pollId, t] of tallies) if (t.sessionId === sessionId) drop(pollId);
      },
    } satisfies SessionCache,

    stop() {
      stopped = true;
      for (const t of tallies.values()) void t.tally.then((x) => clearTimeout(x.timer), () => {});
    },
  };
}

export type Tallies = ReturnType<typeof createTallies>;
