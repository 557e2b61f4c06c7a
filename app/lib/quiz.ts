// What the quiz screens derive from a question: its clock, the answer key and a student's answer
// in words, a result in words with a symbol (never colour alone), ranks and multipliers. Pure,
// so the console, the phone and the projector agree and each rule is unit-tested.
import type { QuizAnswerValue, QuizBankItem, QuizKey, QuizKind, QuizQuestionView, QuizResult } from "../../server/live/views/types";
import type { RoundClock } from "./clock";
import { formatNumber, numberWithUnit } from "../../server/live/scoring/quiz";
import { listNames } from "./debate";

export const quizKindLabel: Record<QuizKind, string> = {
  single: "One correct option",
  multiple: "Select every correct option",
  truefalse: "True or false",
  numeric: "A number",
};

/** Letters beside the options (A, B, …), so an option can be named without its colour or place. */
export const optionLetter = (i: number) => String.fromCharCode(65 + i);

/** A question's time is short: the countdown warns for its last few seconds only. */
export const QUIZ_WARNING_SECONDS = 5;

/** A question's deadline as the countdown reads a round's clock. */
export const questionClock = (q: Pick<QuizQuestionView, "status" | "startedAt" | "endsAt">): RoundClock => ({
  status: q.status,
  endsAt: q.endsAt,
  remainingMs: q.endsAt - q.startedAt,
});

export { formatNumber };

/** The correct answer in words: "Phnom Penh", "A and C", "42 km (answers within 2 count)". */
export function keyText(q: Pick<QuizQuestionView, "options" | "unit">, key: Pick<QuizKey, "correct">): string {
  const c = key.correct;
  if ("number" in c) return `${numberWithUnit(c.number, q.unit)}${c.tolerance ? ` (answers within ${formatNumber(c.tolerance)} count)` : ""}`;
  return listNames(c.choices.map((i) => q.options[i] ?? `option ${i + 1}`));
}

/** Whether option `i` is part of the answer key. */
export const isCorrectOption = (key: QuizKey | null, i: number) => key !== null && "choices" in key.correct && key.correct.choices.includes(i);

/** What a student answered, in words. */
export function answerText(q: Pick<QuizQuestionView, "options" | "unit">, value: QuizAnswerValue): string {
  if ("number" in value) return numberWithUnit(value.number, q.unit);
  return listNames(value.choices.map((i) => q.options[i] ?? `option ${i + 1}`));
}

/** A result as a symbol and words, so right and wrong never depend on colour. */
export function resultLabel(r: Pick<QuizResult, "answered" | "correct" | "credit">): { symbol: string; text: string; tone: "right" | "partly" | "wrong" } {
  if (!r.answered) return { symbol: "–", text: "No answer", tone: "wrong" };
  if (r.correct) return { symbol: "✓", text: "Right", tone: "right" };
  if (r.credit > 0) return { symbol: "◐", text: `Partly right (${Math.round(r.credit * 100)}% of the options)`, tone: "partly" };
  return { symbol: "✗", text: "Wrong", tone: "wrong" };
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export const multiplierLabel = (m: number) => (m === 0 ? "0× (practice, no points)" : m === 2 ? "2× (double points)" : `${m}×`);

/** "5 of 9 have answered", "1 of 9 has answered". */
export const answeredLine = ({ answered, of }: { answered: number; of: number }) => `${answered} of ${of} ${answered === 1 ? "has" : "have"} answered`;

/** The question "Ask next in order" asks: the first in the bank not yet asked. */
export const nextInOrder = (bank: readonly QuizBankItem[]) => bank.find((item) => !item.asked) ?? null;

/** Points as a scoreboard shows them: "1,950". */
export const pointsText = (points: number) => `${formatNumber(points)} ${points === 1 ? "point" : "points"}`;

/** What a screen reader is told about the question shown: asked, then closed with its answer (never each progress tick). */
export function quizNews(q: QuizQuestionView): string {
  if (q.status === "open") return `Question ${q.position} open: ${q.prompt}`;
  return `Question ${q.position} closed.${q.key ? ` Answer: ${keyText(q, q.key)}.` : ""}`;
}

/** A student's result in one sentence, for screen readers: "Right: +950 points. Streak 2, rank 1st, total 1,900 points." */
export function resultSentence(r: QuizResult): string {
  const points = `${r.points > 0 ? "+" : ""}${pointsText(r.points)}`;
  return `${resultLabel(r).text}: ${points}. Streak ${r.streak}, rank ${ordinal(r.rank)}, total ${pointsText(r.total)}.`;
}
