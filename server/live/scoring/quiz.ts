// Quiz scoring: what counts as a right answer, the points it earns under the session's settings,
// streaks, the leaderboard and side totals. Pure (no database, no clock) and browser-safe, so the
// engine, the views and the tests compute the same numbers; README.md "Scoring" states these
// rules for teachers and must change with them.
import type { QuizItem, Source } from "../../../content/schema";
import type { QuizAnswerValue } from "../../../db/schema";
import type { LeaderEntry, QuizKey, SideQuizTotal } from "../views/types";
import { competitionRanks } from "./ranks";

/** Kahoot's published formula: 1000 at most, full points under 0.5 s, a streak adds 100 per answer up to 500. */
export const QUIZ_POINTS = { full: 1000, fullUnderMs: 500, streakStep: 100, streakMax: 500 } as const;
/** Quiz points are divided by this in the standings: a perfect fast answer is worth about 100 there, like a top ballot. */
export const QUIZ_STANDINGS_DIVISOR = 10;
/** A true/false question's options: an answer of [0] means True, [1] False. */
export const TRUE_FALSE_OPTIONS = ["True", "False"] as const;

/** What students choose from: the item's options, True/False, or nothing for a number. */
export function quizOptions(item: QuizItem): string[] {
  if (item.kind === "single" || item.kind === "multiple") return [...item.options];
  return item.kind === "truefalse" ? [...TRUE_FALSE_OPTIONS] : [];
}

/** The right answer as indexes into `quizOptions(item)`, or the number and its tolerance. */
export function quizKey(item: QuizItem): QuizKey["correct"] {
  switch (item.kind) {
    case "single":
      return { choices: [item.options.indexOf(item.answer)] };
    case "multiple":
      return { choices: item.options.flatMap((option, i) => (item.answer.includes(option) ? [i] : [])) };
    case "truefalse":
      return { choices: [item.answer ? 0 : 1] };
    case "numeric":
      return { number: item.answer, tolerance: item.tolerance };
  }
}

/** The key students see once a question closes: the right answer, why, and the article it is from (null if the pack lacks it). */
export function answerKey(item: QuizItem, sources: readonly Source[]): QuizKey | null {
  const source = sources.find((s) => s.id === item.source);
  return source ? { correct: quizKey(item), explanation: item.explanation, source } : null;
}

export type AnswerCheck = { ok: true } | { ok: false; message: string };

/** Whether an answer has the question's shape; the engine refuses one that does not (`invalid`) before storing it. */
export function checkQuizAnswer(item: QuizItem, answer: QuizAnswerValue): AnswerCheck {
  if (item.kind === "numeric") {
    if (!("number" in answer) || typeof answer.number !== "number" || !Number.isFinite(answer.number))
      return { ok: false, message: "This question takes a number." };
    return { ok: true };
  }
  if (!("choices" in answer) || !Array.isArray(answer.choices)) return { ok: false, message: "This question takes one of its options, not a number." };
  const count = quizOptions(item).length;
  const { choices } = answer;
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= count)) return { ok: false, message: "That option is not one of this question's." };
  if (new Set(choices).size !== choices.length) return { ok: false, message: "Choose each option at most once." };
  if (choices.length === 0) return { ok: false, message: item.kind === "multiple" ? "Choose at least one option." : "Choose an option." };
  if (item.kind !== "multiple" && choices.length > 1) return { ok: false, message: "Choose only one option." };
  return { ok: true };
}

// Decimals are not exact in binary: 0.4 − 0.3 is 0.10000000000000003, and a teacher who allows
// ±0.1 around 0.3 means 0.4 to count. A margin far below any tolerance a person would type.
const NUMERIC_SLACK = 1e-9;

/**
 * How much of the answer is right, 0 to 1: single and true/false 1 for the right option;
 * numeric 1 within the tolerance (inclusive); multiple (right picks − wrong picks) / right
 * options, never below 0. Assumes `checkQuizAnswer` passed.
 */
export function quizCredit(item: QuizItem, answer: QuizAnswerValue): number {
  const key = quizKey(item);
  if ("number" in key) {
    if (!("number" in answer)) return 0;
    return Math.abs(answer.number - key.number) <= key.tolerance + NUMERIC_SLACK * Math.max(1, Math.abs(key.number)) ? 1 : 0;
  }
  if (!("choices" in answer)) return 0;
  const right = new Set(key.choices);
  const hits = answer.choices.filter((c) => right.has(c)).length;
  const misses = answer.choices.length - hits;
  return Math.max(0, (hits - misses) / right.size);
}

/**
 * Points for a fully right answer before the streak bonus: 1000 under 0.5 s, then falling
 * linearly to 500 at the time limit; 1000 at any time with speed scoring off.
 */
export function basePoints(elapsedMs: number, limitMs: number, speed: boolean): number {
  if (!speed) return QUIZ_POINTS.full;
  const elapsed = Math.min(Math.max(elapsedMs, 0), limitMs);
  if (elapsed < QUIZ_POINTS.fullUnderMs) return QUIZ_POINTS.full;
  return Math.round(QUIZ_POINTS.full * (1 - elapsed / limitMs / 2));
}

/** The bonus for an answer that makes a streak of `streak` right answers: 0, 100, 200, … at most 500. */
export function streakBonus(streak: number): number {
  return Math.min(QUIZ_POINTS.streakStep * Math.max(streak - 1, 0), QUIZ_POINTS.streakMax);
}

/** Only full credit is a correct answer: a partly right multiple select earns points but no streak. */
export const isCorrect = (credit: number) => credit === 1;

export type ScoredAnswer = { correct: boolean; points: number; streak: number };

/**
 * Every answer to one question, scored when it closes. `previousStreaks`: each student's streak
 * after the last question worth points (0 or absent when they missed it or got it wrong), so a
 * missing answer breaks a streak. A 0× question earns nothing and leaves every streak as it was.
 */
export function scoreQuestion(input: {
  answers: readonly { participantId: string; credit: number; elapsedMs: number }[];
  previousStreaks: ReadonlyMap<string, number>;
  limitMs: number;
  multiplier: number;
  /** The session's settings when the question closes. */
  speed: boolean;
  streak: boolean;
}): Map<string, ScoredAnswer> {
  const scored = new Map<string, ScoredAnswer>();
  for (const { participantId, credit, elapsedMs } of input.answers) {
    const previous = input.previousStreaks.get(participantId) ?? 0;
    const correct = isCorrect(credit);
    if (input.multiplier === 0) {
      scored.set(participantId, { correct, points: 0, streak: previous });
      continue;
    }
    const streak = correct ? previous + 1 : 0;
    const bonus = input.streak && correct ? streakBonus(streak) : 0;
    const points = Math.round(input.multiplier * (credit * basePoints(elapsedMs, input.limitMs, input.speed) + bonus));
    scored.set(participantId, { correct, points, streak });
  }
  return scored;
}

/**
 * A student's streak once a question has closed: their scored answer's; without an answer, a
 * question worth points breaks it and a 0× question leaves it as it was.
 */
export const streakAfter = (multiplier: number, previous: number, scored: ScoredAnswer | undefined) =>
  scored ? scored.streak : multiplier === 0 ? previous : 0;

/** Each student's quiz points, summed over their answers. */
export function quizTotals(answers: readonly { participantId: string; points: number }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const a of answers) totals.set(a.participantId, (totals.get(a.participantId) ?? 0) + a.points);
  return totals;
}

/** Most points first, then by name; equal points share a rank and the next rank skips (1, 2, 2, 4). */
export function rankLeaders(entries: readonly { participantId: string; name: string; sideId: string | null; points: number }[]): LeaderEntry[] {
  const sorted = [...entries].sort(
    (a, b) => b.points - a.points || a.name.localeCompare(b.name) || (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
  );
  const ranks = competitionRanks(sorted, (e) => e.points);
  return sorted.map((e, i) => ({ participantId: e.participantId, name: e.name, sideId: e.sideId, points: e.points, rank: ranks[i] }));
}

/**
 * Each side's quiz total: the points earned on answers given for it (the side at answer time),
 * divided by how many members it has now (at least 1), rounded. Averaging keeps uneven sides
 * fair. Every side is listed, highest first, then by name.
 */
export function sideQuizTotals(
  sides: readonly { id: string; name: string }[],
  members: readonly { participantId: string; sideId: string | null }[],
  answers: readonly { sideId: string | null; points: number }[],
): SideQuizTotal[] {
  return sideQuizFigures(sides, members, answers).map(({ sideId, name, points, members }) => ({ sideId, name, points, members }));
}

/** `sideQuizTotals` with what each average was worked out from: the points `earned` for the side. */
function sideQuizFigures(
  sides: readonly { id: string; name: string }[],
  members: readonly { participantId: string; sideId: string | null }[],
  answers: readonly { sideId: string | null; points: number }[],
): (SideQuizTotal & { earned: number })[] {
  return sides
    .map((side) => {
      const count = members.filter((m) => m.sideId === side.id).length;
      const earned = answers.reduce((sum, a) => (a.sideId === side.id ? sum + a.points : sum), 0);
      return { sideId: side.id, name: side.name, points: Math.round(earned / Math.max(1, count)), members: count, earned };
    })
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
}

/** Quiz points as the standings count them: a tenth, rounded. */
export const standingsQuizPoints = (points: number) => Math.round(points / QUIZ_STANDINGS_DIVISOR);

/** A student's quiz part of the standings (`points`), with the `quizPoints` it is a tenth of. */
export type StudentQuizPart = { points: number; quizPoints: number };
/** A side's quiz part: the quiz points `earned` for it ÷ its `members` now (at least 1) = its `quizPoints`, a tenth of which are its `points`. */
export type SideQuizPart = { points: number; quizPoints: number; earned: number; members: number };

/**
 * The quiz part of the standings: each student's points and each side's average, in standings
 * points, each with the figures it was worked out from (the review's ledger says them in words).
 */
export function quizStandings(
  sides: readonly { id: string; name: string }[],
  members: readonly { participantId: string; sideId: string | null }[],
  answers: readonly { participantId: string; sideId: string | null; points: number }[],
): { participants: Map<string, StudentQuizPart>; sides: Map<string, SideQuizPart> } {
  const participants = new Map([...quizTotals(answers)].map(([id, quizPoints]) => [id, { points: standingsQuizPoints(quizPoints), quizPoints }]));
  const sideParts = new Map(
    sideQuizFigures(sides, members, answers).map((t) => [t.sideId, { points: standingsQuizPoints(t.points), quizPoints: t.points, earned: t.earned, members: t.members }]),
  );
  return { participants, sides: sideParts };
}

/** A number as every quiz screen and file writes it (thousands separated: 600,000). */
export const formatNumber = (n: number) => n.toLocaleString("en-GB");
/** A number with the question's unit: "17 people", "12.5 %". */
export const numberWithUnit = (n: number, unit: string | null | undefined) => `${formatNumber(n)}${unit ? ` ${unit}` : ""}`;

/**
 * How the class answered, one bar per option, marked correct or not. A multiple-select answer
 * counts for each option it picked. Numeric: answers within the tolerance, and the rest.
 * Answers of another shape (the engine refuses them) are not counted.
 */
export function quizDistribution(item: QuizItem, answers: readonly QuizAnswerValue[]): { label: string; count: number; correct: boolean }[] {
  const key = quizKey(item);
  if ("number" in key) {
    const numbers = answers.filter((a) => "number" in a);
    const right = numbers.filter((a) => quizCredit(item, a) === 1).length;
    const answer = numberWithUnit(key.number, item.kind === "numeric" ? item.unit : null);
    return [
      { label: key.tolerance > 0 ? `Within ${formatNumber(key.tolerance)} of ${answer}` : answer, count: right, correct: true },
      { label: "Other answers", count: numbers.length - right, correct: false },
    ];
  }
  const right = new Set(key.choices);
  return quizOptions(item).map((label, i) => ({
    label,
    count: answers.filter((a) => "choices" in a && a.choices.includes(i)).length,
    correct: right.has(i),
  }));
}
