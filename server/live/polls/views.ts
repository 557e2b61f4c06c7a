// The polls part of every view: the current poll with its count as the audience may see it,
// and the persuasion result once both motion polls have closed.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { polls, type PollRow } from "../../../db/schema";
import { seatCount } from "../lobby/seats";
import { motionStance, persuasion } from "../scoring/persuasion";
import type { MyVote, Persuasion, PollsView, PollView, Stance3 } from "../views/types";
import { sessionMap } from "../sessionCaches";
import { resultsShown, storedVotes, type StoredVote, type Tallies } from "./tallies";

export type PollAudience = "host" | "others";

/**
 * The motion polls the persuasion result compares, from a session's closed motion polls, newest
 * first: the last "after" poll, and the last "before" poll opened before it.
 */
export function motionPair<P extends Pick<PollRow, "phase" | "openedAt">>(closedNewestFirst: readonly P[]): { before: P | undefined; after: P | undefined } {
  const after = closedNewestFirst.find((p) => p.phase === "after");
  const before = closedNewestFirst.find((p) => p.phase === "before" && (!after || p.openedAt <= after.openedAt));
  return { before, after };
}

/** Each voter's stance in a motion poll. */
export const stancesOf = (poll: Pick<PollRow, "options">, votes: readonly StoredVote[]): Map<string, Stance3> =>
  new Map(votes.flatMap((v) => (v.choices.length ? [[v.participantId, motionStance(poll.options.length, v.choices[0])] as const] : [])));

export function createPollViews(db: Database, tallies: Tallies) {
  // Closed polls never change, so a session's persuasion result is computed once per pair of
  // polls (and again after a removal).
  const results = new Map<string, { pair: string; result: Promise<Persuasion | null> }>();

  const stances = async (poll: PollRow) => stancesOf(poll, await storedVotes(db, poll.id));

  async function persuasionOf(sessionId: string, audience: PollAudience): Promise<Persuasion | null> {
    const motions = await db
      .select()
      .from(polls)
      .where(and(eq(polls.sessionId, sessionId), eq(polls.kind, "motion"), eq(polls.status, "closed")))
      .orderBy(desc(polls.openedAt));
    const { before, after } = motionPair(motions);
    if (!before || !after) return null;
    if (audience !== "host" && !resultsShown(after)) return null;
    const pair = `${before.id} ${after.id}`;
    const held = results.get(sessionId);
    if (held?.pair === pair) return held.result;
    const result = Promise.all([stances(before), stances(after)]).then(([b, a]) => persuasion(b, a));
    results.set(sessionId, { pair, result });
    result.catch(() => results.get(sessionId)?.result === result && results.delete(sessionId));
    return result;
  }

  function pollView(poll: PollRow, tally: PollView["tally"]): PollView {
    return {
      id: poll.id,
      kind: poll.kind,
      prompt: poll.prompt,
      options: poll.options,
      phase: poll.phase,
      results: poll.results,
      anonymous: poll.anonymous,
      status: poll.status,
      revealed: resultsShown(poll),
      roundId: poll.roundId,
      tally,
    };
  }

  return {
    async part(sessionId: string, audience: PollAudience): Promise<PollsView> {
      const [latest] = await db.select().from(polls).where(eq(polls.sessionId, sessionId)).orderBy(desc(polls.openedAt)).limit(1);
      if (!latest) return { current: null, persuasion: null };
      const [of, result] = await Promise.all([seatCount(db, sessionId), persuasionOf(sessionId, audience)]);
      return { current: pollView(latest, await tallies.current(latest, of, audience)), persuasion: result };
    },

    async myVote(sessionId: string, current: PollView | null, participantId: string): Promise<MyVote | null> {
      if (!current) return null;
      const vote = await tallies.voteOf({ id: current.id, sessionId }, participantId);
      return vote ? { pollId: current.id, choices: vote.choices, text: vote.text } : null;
    },

    /** A removed student leaves the persuasion result too. */
    seatRemoved(sessionId: string) {
      results.delete(sessionId);
    },

    cache: sessionMap(results),
  };
}

export type PollViews = ReturnType<typeof createPollViews>;
