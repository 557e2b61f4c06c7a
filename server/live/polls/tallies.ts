// Each poll's count, kept in memory and broadcast a few times a second, never once per vote.
// A cache of the `poll_votes` rows: it holds each student's last vote, is filled from the rows
// the first time a poll is needed after a restart, and is changed only by stored votes (after
// their batch commits), so the count equals the rows. Results hidden from students reach only
// the teacher until the reveal; "N of M have voted" reaches everyone.
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { polls, pollVotes, type PollRow } from "../../../db/schema";
import { logError } from "../../errorLog";
import { seatCount } from "../lobby/seats";
import type { LiveServer } from "../publish/events";
import { rooms } from "../publish/rooms";
import { wordCloud } from "../scoring/wordCloud";
import type { PollTally } from "../views/types";

export type StoredVote = { participantId: string; choices: number[]; text: string | null };
type Tally = { poll: PollRow; votes: Map<string, StoredVote>; seq: number; timer?: NodeJS.Timeout };

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

export function createTallies(db: Database, io: LiveServer, intervalMs = 250) {
  const tallies = new Map<string, Promise<Tally>>();
  let stopped = false;

  /** The poll's tally, read from its rows the first time it is needed. */
  function ensure(pollId: string): Promise<Tally> {
    let tally = tallies.get(pollId);
    if (!tally) {
      tally = Promise.all([db.select().from(polls).where(eq(polls.id, pollId)), db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId))]).then(
        ([[poll], rows]) => {
          if (!poll) throw new Error(`poll ${pollId} is missing`);
          return { poll, seq: 0, votes: new Map(rows.map((r) => [r.participantId, { participantId: r.participantId, choices: r.choices, text: r.text }])) };
        },
      );
      tallies.set(pollId, tally);
      tally.catch(() => tallies.get(pollId) === tally && tallies.delete(pollId));
    }
    return tally;
  }

  async function broadcast(tally: Tally) {
    tally.timer = undefined;
    if (stopped) return;
    const { poll } = tally;
    const of = await seatCount(db, poll.sessionId);
    tally.seq++;
    io.to(rooms.host(poll.sessionId)).emit("poll:tally", tallyOf(poll, tally.votes.values(), tally.seq, of, "host"));
    io.to(rooms.session(poll.sessionId)).except(rooms.host(poll.sessionId)).emit("poll:tally", tallyOf(poll, tally.votes.values(), tally.seq, of, "others"));
  }

  function schedule(tally: Tally) {
    if (stopped || tally.timer) return;
    tally.timer = setTimeout(() => void broadcast(tally).catch((e) => logError("broadcasting a poll's count failed", e)), intervalMs);
  }

  return {
    ensure,

    /** Stored votes (after their commit): each replaces the student's earlier vote. */
    async apply(pollId: string, stored: readonly StoredVote[]) {
      const tally = await ensure(pollId);
      for (const v of stored) tally.votes.set(v.participantId, v);
      schedule(tally);
    },

    /** The poll's row changed (closed, revealed, an entry hidden): counts follow its new rules. */
    async changed(poll: PollRow) {
      const tally = await ensure(poll.id);
      tally.poll = poll;
    },

    /** The count as an audience sees it now, for a view. */
    async current(poll: PollRow, of: number, audience: "host" | "others"): Promise<PollTally> {
      const tally = await ensure(poll.id);
      return tallyOf(poll, tally.votes.values(), tally.seq, of, audience);
    },

    /** One student's vote, as stored. */
    async voteOf(pollId: string, participantId: string): Promise<StoredVote | undefined> {
      return (await ensure(pollId)).votes.get(participantId);
    },

    /** Every stored vote (a closed poll's are final). */
    async votes(pollId: string): Promise<StoredVote[]> {
      return [...(await ensure(pollId)).votes.values()];
    },

    /** A closed poll's count never changes again: its memory is given back once another poll opens. */
    forget(pollId: string) {
      const tally = tallies.get(pollId);
      tallies.delete(pollId);
      void tally?.then((t) => clearTimeout(t.timer), () => {});
    },

    stop() {
      stopped = true;
      for (const t of tallies.values()) void t.then((x) => clearTimeout(x.timer), () => {});
    },
  };
}

export type Tallies = ReturnType<typeof createTallies>;
