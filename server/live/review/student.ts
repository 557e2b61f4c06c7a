// A student's own review, cut from the session's review: their words with the teacher's scores
// and comments, their challenges, their quiz answers with the key, their standing and their
// side's. Nothing in it names another student's scores, comments or votes.
import { isActive, type Seat } from "../lobby/seats";
import { competitionRanks } from "../scoring/ranks";
import { cardsById } from "../views/cards";
import type { SessionRecord } from "./read";
import { roundArguments } from "./rounds";
import type { SessionReview, StudentReview } from "./types";

/** Groups items by a key, once: each student's cut then costs their own items, not the class's. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * What every student's cut reads from one shared review, indexed by student once per review:
 * with a class's students reading the same review, a scan of it per student would cost O(class²).
 */
function indexesOf(record: SessionRecord, review: SessionReview) {
  const all = review.rounds.flatMap(roundArguments);
  const closed = new Set(record.questions.filter((q) => q.status === "closed").map((q) => q.id));
  return {
    rounds: new Map(review.rounds.map((r) => [r.id, r])),
    argumentsBy: groupBy(all, (a) => a.participantId),
    challengesBy: groupBy(
      all.flatMap((a) => a.challenges),
      (c) => c.challengerId,
    ),
    cards: cardsById(record.scenario),
    answersBy: groupBy(review.answers, (a) => a.participantId),
    ledgerBy: groupBy(review.standings.ledger, (e) => e.participantId),
    individuals: new Map(review.standings.individuals.map((s) => [s.id, s])),
    quiz: review.quiz.filter((q) => closed.has(q.questionId)).sort((a, b) => a.position - b.position),
    sideRanks: competitionRanks(review.standings.sides, (s) => s.total),
  };
}
// Keyed by the record and the review built from it, so another record never reads a stale index.
const indexes = new WeakMap<SessionRecord, WeakMap<SessionReview, ReturnType<typeof indexesOf>>>();

export function buildStudentReview(record: SessionRecord, review: SessionReview, seat: Seat): StudentReview {
  const { session, scenario } = record;
  const me = seat.id;
  let ofRecord = indexes.get(record);
  if (!ofRecord) indexes.set(record, (ofRecord = new WeakMap()));
  let index = ofRecord.get(review);
  if (!index) ofRecord.set(review, (index = indexesOf(record, review)));
  const side = review.scenario.sides.find((s) => s.id === seat.sideId) ?? null;
  // Side results follow the teacher's scoreboard setting while the class runs, and are everyone's once it ends.
  const sidesShown = session.status === "ended" || session.scoreboard !== "hidden";
  const sideIndex = review.standings.sides.findIndex((s) => s.id === seat.sideId);
  const standing = index.individuals.get(me);
  const myAnswers = new Map((index.answersBy.get(me) ?? []).map((a) => [a.questionId, a]));

  return {
    session: { code: session.code, title: scenario.title, motion: scenario.motion, status: session.status, endedAt: review.session.endedAt },
    me: { id: me, name: seat.displayName, removed: !isActive(seat), side },
    sides: review.scenario.sides,
    rubric: scenario.rubric,
    arguments: [...(index.argumentsBy.get(me) ?? [])]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((a) => {
        const round = index.rounds.get(a.roundId)!;
        // Challenges not yet ruled reach only the teacher and their challenger.
        return { ...a, challenges: a.challenges.filter((c) => c.status !== "open"), roundTitle: round.title, roundIndex: round.index };
      }),
    challenges: (index.challengesBy.get(me) ?? []).map((c) => ({ ...c, card: index.cards.get(c.cardId) ?? null })),
    quiz: index.quiz.map((q) => ({
      questionId: q.questionId,
      position: q.position,
      prompt: q.prompt,
      answer: myAnswers.get(q.questionId) ?? null,
      options: q.options,
      unit: q.unit,
      key: q.key,
    })),
    standing: standing ? { ...standing, entries: index.ledgerBy.get(me) ?? [] } : null,
    side: sidesShown && sideIndex >= 0 ? { ...review.standings.sides[sideIndex], rank: index.sideRanks[sideIndex], of: review.standings.sides.length } : null,
  };
}
