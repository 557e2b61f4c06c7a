// Debate scoring: the teacher's rubric ballots, peer votes and source challenges turned into
// points for students and sides, and the standings that add the quiz and audience parts (worked
// out in ./quiz.ts and ./persuasion.ts). Pure (no database, no clock) so the engine, the review and
// the tests all compute the same numbers from the same rows; README.md "Scoring" states the
// formulas for teachers and must change with them.
import { RUBRIC_LEVELS, type Scenario } from "../../../content/schema";
import type { SideQuizPart, StudentQuizPart } from "./quiz";

export type Rubric = Scenario["rubric"];
/** A ballot: criterion id -> a whole score from 1 to RUBRIC_LEVELS (5). */
export type RubricScores = Record<string, number>;

export const DEBATE_POINTS = {
  /** to an argument's author and side, per peer vote it receives */
  peerVote: 10,
  /** taken from an argument's author and side when a challenge to it is upheld */
  upheldAgainstArgument: 30,
  /** to the challenger and their side when their challenge is upheld */
  upheldForChallenger: 15,
  /** taken from the challenger and their side when their challenge is rejected */
  rejectedForChallenger: 5,
} as const;

/** Every criterion scored once with a whole number 1..5, and nothing else. */
export function checkBallot(rubric: Rubric, scores: RubricScores): { ok: true } | { ok: false; message: string } {
  const known = new Set(rubric.map((c) => c.id));
  const unknown = Object.keys(scores).find((id) => !known.has(id));
  if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not a criterion of this rubric` };
  for (const criterion of rubric) {
    // hasOwn, not `in`: an id such as "constructor" would otherwise find Object's prototype.
    if (!Object.hasOwn(scores, criterion.id)) return { ok: false, message: `${criterion.label} has no score` };
    const score = scores[criterion.id];
    if (!Number.isInteger(score) || score < 1 || score > RUBRIC_LEVELS)
      return { ok: false, message: `${criterion.label} must be a whole number from 1 to ${RUBRIC_LEVELS}` };
  }
  return { ok: true };
}

/**
 * One ballot's points: round(100 · Σ weight·score / (5 · Σ weight)), an integer from 20 (all 1s)
 * to 100 (all 5s). Throws on a ballot `checkBallot` refuses: the engine checks before it stores.
 */
export function ballotPoints(rubric: Rubric, scores: RubricScores): number {
  const check = checkBallot(rubric, scores);
  if (!check.ok) throw new Error(`invalid ballot: ${check.message}`);
  let weighted = 0;
  let weights = 0;
  for (const { id, weight } of rubric) {
    weighted += weight * scores[id];
    weights += weight;
  }
  // 100/5 folded into one factor: with whole-number weights both sides of the division are exact
  // integers, so a true .5 stays .5 and rounds up instead of drifting below it.
  return Math.round(((100 / RUBRIC_LEVELS) * weighted) / weights);
}

/** An argument's rubric points: the mean of its ballots' points, rounded; 0 when unscored. */
export function argumentRubricPoints(rubric: Rubric, ballots: readonly RubricScores[]): number {
  if (ballots.length === 0) return 0;
  const sum = ballots.reduce((total, ballot) => total + ballotPoints(rubric, ballot), 0);
  return Math.round(sum / ballots.length);
}

export type DebateRecord = {
  sides: { id: string; name: string }[];
  participants: { id: string; name: string; sideId: string | null }[];
  /** `sideId`: the side the author argued for when submitting it */
  arguments: { id: string; participantId: string; sideId: string; ballots: RubricScores[] }[];
  votes: { voterId: string; argumentId: string }[];
  /** `challengerSideId`: the challenger's side when challenging */
  challenges: { id?: string; challengerId: string; challengerSideId: string; argumentId: string; status: "open" | "upheld" | "rejected" }[];
  /** Quiz points already in standings points, with the figures behind them (see `quizStandings`), per participant and per side. */
  quiz?: { participants: ReadonlyMap<string, StudentQuizPart>; sides: ReadonlyMap<string, SideQuizPart> };
  /** Audience points per side (see `audiencePoints`). */
  audience?: ReadonlyMap<string, number>;
};

export type Breakdown = { rubric: number; peerVotes: number; challenges: number; quiz: number; audience: number };
export type Standing = { id: string; name: string; total: number; breakdown: Breakdown };

/** Where points came from: an argument's ballots or peer votes, a ruled challenge, the quiz, the audience. */
export type PointOrigin =
  | { kind: "rubric"; argumentId: string }
  | { kind: "peerVotes"; argumentId: string; votes: number }
  | { kind: "challenge"; challengeId: string | null; argumentId: string; status: "upheld" | "rejected"; role: "author" | "challenger" }
  // The quiz figures travel with the points, so the review can say how they were worked out
  // without every answer: a student's quiz points; a side's, earned ÷ members = its average.
  | ({ kind: "quiz" } & Omit<StudentQuizPart, "points">)
  | ({ kind: "quiz" } & Omit<SideQuizPart, "points">)
  | { kind: "audience" };

/**
 * One award: `points` of one part of the breakdown to a student and their side at the time (either
 * may be null: quiz and audience points are worked out for students and sides separately).
 */
export type PointEntry = { participantId: string | null; sideId: string | null; part: keyof Breakdown; points: number; origin: PointOrigin };

/**
 * Every award the record earns, in a stable order (arguments, peer votes, challenges, quiz,
 * audience). Points go to the side stored on the argument or the challenge (the side at the
 * time), not to the student's current side. Votes and challenges naming an unknown argument earn
 * nothing; open challenges earn nothing yet; an argument earns its rubric points even at 0.
 */
export function pointsLedger(rubric: Rubric, record: DebateRecord): PointEntry[] {
  const entries: PointEntry[] = [];
  const byId = new Map(record.arguments.map((a) => [a.id, a]));
  for (const argument of record.arguments)
    entries.push({ participantId: argument.participantId, sideId: argument.sideId, part: "rubric", points: argumentRubricPoints(rubric, argument.ballots), origin: { kind: "rubric", argumentId: argument.id } });
  const votes = new Map<string, number>();
  for (const vote of record.votes) if (byId.has(vote.argumentId)) votes.set(vote.argumentId, (votes.get(vote.argumentId) ?? 0) + 1);
  for (const [argumentId, n] of votes) {
    const argument = byId.get(argumentId)!;
    entries.push({ participantId: argument.participantId, sideId: argument.sideId, part: "peerVotes", points: n * DEBATE_POINTS.peerVote, origin: { kind: "peerVotes", argumentId, votes: n } });
  }
  for (const challenge of record.challenges) {
    const argument = byId.get(challenge.argumentId);
    if (!argument || challenge.status === "open") continue;
    const origin = (role: "author" | "challenger") => ({ kind: "challenge" as const, challengeId: challenge.id ?? null, argumentId: argument.id, status: challenge.status as "upheld" | "rejected", role });
    if (challenge.status === "upheld") {
      entries.push({ participantId: argument.participantId, sideId: argument.sideId, part: "challenges", points: -DEBATE_POINTS.upheldAgainstArgument, origin: origin("author") });
      entries.push({ participantId: challenge.challengerId, sideId: challenge.challengerSideId, part: "challenges", points: DEBATE_POINTS.upheldForChallenger, origin: origin("challenger") });
    } else {
      entries.push({ participantId: challenge.challengerId, sideId: challenge.challengerSideId, part: "challenges", points: -DEBATE_POINTS.rejectedForChallenger, origin: origin("challenger") });
    }
  }
  // Quiz and audience points arrive already worked out per person and per side: a side's quiz
  // part is its members' average, not the sum of theirs, and audience points go to sides only.
  for (const [participantId, { points, ...figures }] of record.quiz?.participants ?? []) entries.push({ participantId, sideId: null, part: "quiz", points, origin: { kind: "quiz", ...figures } });
  for (const [sideId, { points, ...figures }] of record.quiz?.sides ?? []) entries.push({ participantId: null, sideId, part: "quiz", points, origin: { kind: "quiz", ...figures } });
  for (const [sideId, points] of record.audience ?? []) entries.push({ participantId: null, sideId, part: "audience", points, origin: { kind: "audience" } });
  return entries;
}

/**
 * Standings for sides and individuals: the ledger's entries added up. Every side and every
 * listed participant appears, at 0 when they earned nothing. A participant or side id that is
 * not listed earns nothing in the standings, but the listed side or person on the other end of
 * the same argument or challenge still does (so the lists are the caller's choice: a removed
 * participant's arguments still count for their side). Whether a vote or challenge was allowed
 * is the engine's check, not this one's.
 */
export function debateStandings(rubric: Rubric, record: DebateRecord): { sides: Standing[]; individuals: Standing[] } {
  return standingsOf(record, pointsLedger(rubric, record));
}

/** The standings a ledger adds up to. */
export function standingsOf(record: Pick<DebateRecord, "sides" | "participants">, ledger: readonly PointEntry[]): { sides: Standing[]; individuals: Standing[] } {
  const sides = new Map(record.sides.map((s) => [s.id, { ...s, breakdown: emptyBreakdown() }]));
  const individuals = new Map(record.participants.map((p) => [p.id, { id: p.id, name: p.name, breakdown: emptyBreakdown() }]));
  for (const entry of ledger) {
    if (entry.participantId !== null) {
      const person = individuals.get(entry.participantId);
      if (person) person.breakdown[entry.part] += entry.points;
    }
    if (entry.sideId !== null) {
      const side = sides.get(entry.sideId);
      if (side) side.breakdown[entry.part] += entry.points;
    }
  }
  return { sides: ranked([...sides.values()]), individuals: ranked([...individuals.values()]) };
}

const emptyBreakdown = (): Breakdown => ({ rubric: 0, peerVotes: 0, challenges: 0, quiz: 0, audience: 0 });
const totalOf = (b: Breakdown) => b.rubric + b.peerVotes + b.challenges + b.quiz + b.audience;

/** Highest total first; then by name, then by id, so equal totals always list in the same order. */
function ranked(entries: { id: string; name: string; breakdown: Breakdown }[]): Standing[] {
  return entries
    .map(({ id, name, breakdown }) => ({ id, name, total: totalOf(breakdown), breakdown }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
