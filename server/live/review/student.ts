// A student's own review, cut from the session's review: their words with the teacher's scores
// and comments, their challenges, their quiz answers with the key, their standing and their
// side's. Nothing in it names another student's scores, comments or votes.
import { isActive, type Seat } from "../lobby/seats";
import { competitionRanks } from "../scoring/ranks";
import { cardsById } from "../views/cards";
import type { SessionRecord } from "./read";
import { roundArguments } from "./rounds";
import type { SessionReview, StudentReview } from "./types";

export function buildStudentReview(record: SessionRecord, review: SessionReview, seat: Seat): StudentReview {
  const { session, scenario } = record;
  const me = seat.id;
  const side = review.scenario.sides.find((s) => s.id === seat.sideId) ?? null;
  const rounds = new Map(review.rounds.map((r) => [r.id, r]));
  const all = review.rounds.flatMap(roundArguments);
  const cards = cardsById(scenario);
  const closed = new Set(record.questions.filter((q) => q.status === "closed").map((q) => q.id));
  // Side results follow the teacher's scoreboard setting while the class runs, and are everyone's once it ends.
  const sidesShown = session.status === "ended" || session.scoreboard !== "hidden";
  const sideRanks = competitionRanks(review.standings.sides, (s) => s.total);
  const sideIndex = review.standings.sides.findIndex((s) => s.id === seat.sideId);
  const standing = review.standings.individuals.find((s) => s.id === me);
  const myAnswers = new Map(review.answers.filter((a) => a.participantId === me).map((a) => [a.questionId, a]));

  return {
    session: { code: session.code, title: scenario.title, motion: scenario.motion, status: session.status, endedAt: review.session.endedAt },
    me: { id: me, name: seat.displayName, removed: !isActive(seat), side },
    sides: review.scenario.sides,
    rubric: scenario.rubric,
    arguments: all
      .filter((a) => a.participantId === me)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((a) => {
        const round = rounds.get(a.roundId)!;
        // Challenges not yet ruled reach only the teacher and their challenger.
        return { ...a, challenges: a.challenges.filter((c) => c.status !== "open"), roundTitle: round.title, roundIndex: round.index };
      }),
    challenges: all.flatMap((a) => a.challenges.filter((c) => c.challengerId === me).map((c) => ({ ...c, card: cards.get(c.cardId) ?? null }))),
    quiz: review.quiz
      .filter((q) => closed.has(q.questionId))
      .sort((a, b) => a.position - b.position)
      .map((q) => ({
        questionId: q.questionId,
        position: q.position,
        prompt: q.prompt,
        answer: myAnswers.get(q.questionId) ?? null,
        options: q.options,
        unit: q.unit,
        key: q.key,
      })),
    standing: standing ? { ...standing, entries: review.standings.ledger.filter((e) => e.participantId === me) } : null,
    side: sidesShown && sideIndex >= 0 ? { ...review.standings.sides[sideIndex], rank: sideRanks[sideIndex], of: review.standings.sides.length } : null,
  };
}
