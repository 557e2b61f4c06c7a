// What a student's own review page says in words: where each of their points came from, what
// each rubric score meant, their arguments grouped by round, their side's place. Pure and
// browser-safe, so each rule is unit-tested and the page only lays the words out.
import { ARGUMENT_KIND_NAMES } from "../../server/live/debate/kinds";
import type { Breakdown, PointEntry } from "../../server/live/scoring/debate";
import { QUIZ_STANDINGS_DIVISOR } from "../../server/live/scoring/quiz";
import type { StudentReview } from "../../server/live/review/types";
import type { Rubric } from "../../server/live/views/types";
import { formatNumber, ordinal } from "./quiz";

type Argument = StudentReview["arguments"][number];
type Challenge = StudentReview["challenges"][number];

/** The parts of a total, in the order the scoreboard adds them up. */
export const breakdownParts: { part: keyof Breakdown; label: string }[] = [
  { part: "rubric", label: "Rubric (the teacher's scores)" },
  { part: "peerVotes", label: "Peer votes" },
  { part: "challenges", label: "Challenges" },
  { part: "quiz", label: "Quiz" },
  { part: "audience", label: "Audience (the motion vote)" },
];

/** "your speech in round 3", "your crossfire question in round 5": the round's number, since its title can be a sentence (the page heads each round with both). */
const argumentWords = (a: Pick<Argument, "kind" | "roundIndex">) =>
  `your ${a.kind === "argument" ? "" : "crossfire "}${ARGUMENT_KIND_NAMES[a.kind]} in round ${a.roundIndex + 1}`;

/** A quote shortened for a sentence, at a word boundary. */
export function excerpt(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

export type EntryLine = { text: string; points: number; href: string | null };

/** One of the student's own ledger entries in words, with a link to the argument it is about. */
export function entryLine(entry: PointEntry, review: Pick<StudentReview, "arguments" | "challenges" | "quiz">): EntryLine {
  const { origin } = entry;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (origin.kind === "quiz")
    return { text: `Quiz: your ${formatNumber(origin.quizPoints)} quiz points ÷ ${QUIZ_STANDINGS_DIVISOR}, rounded`, points: entry.points, href: "#your-quiz" };
  if (origin.kind === "audience") return { text: "The motion vote: the case your side argued won the room", points: entry.points, href: null };
  if (origin.kind === "challenge" && origin.role === "challenger") {
    const challenge = review.challenges.find((c) => c.id === origin.challengeId);
    const what = challenge?.card ? `“${excerpt(challenge.card.text)}”` : "a card";
    return { text: `Your challenge to ${what} was ${origin.status}`, points: entry.points, href: challenge ? `#challenge-${challenge.id}` : "#your-challenges" };
  }
  const argument = review.arguments.find((a) => a.id === origin.argumentId);
  const yours = argument ? argumentWords(argument) : "your argument";
  const href = argument ? `#argument-${argument.id}` : null;
  if (origin.kind === "rubric") {
    const scored = argument && argument.ballots.length > 0;
    return { text: scored ? `The teacher's rubric score for ${yours}` : `Rubric for ${yours}: not scored`, points: entry.points, href };
  }
  if (origin.kind === "peerVotes")
    return { text: `${plural(origin.votes, "peer vote")} for ${yours} (${formatNumber(entry.points / origin.votes)} each)`, points: entry.points, href };
  return { text: `A challenge to a card in ${yours} was upheld`, points: entry.points, href };
}

export type ScoreLine = { id: string; label: string; score: number | null; of: number; descriptor: string | null };

/** A ballot read against the rubric: each criterion in the rubric's order, its score and what that score means. */
export function scoreLines(rubric: Rubric, scores: Record<string, number>): ScoreLine[] {
  return rubric.map((c) => {
    const score = Object.hasOwn(scores, c.id) ? scores[c.id] : null;
    return { id: c.id, label: c.label, score, of: c.levels.length, descriptor: score === null ? null : (c.levels[score - 1] ?? null) };
  });
}

/** The student's arguments by round, in the order the rounds ran, each round's oldest first. */
export function argumentsByRound(args: readonly Argument[]): { roundId: string; roundIndex: number; roundTitle: string; arguments: Argument[] }[] {
  const rounds = new Map<string, { roundId: string; roundIndex: number; roundTitle: string; arguments: Argument[] }>();
  for (const a of [...args].sort((x, y) => x.createdAt - y.createdAt)) {
    const round = rounds.get(a.roundId) ?? { roundId: a.roundId, roundIndex: a.roundIndex, roundTitle: a.roundTitle, arguments: [] };
    round.arguments.push(a);
    rounds.set(a.roundId, round);
  }
  return [...rounds.values()].sort((x, y) => x.roundIndex - y.roundIndex);
}

/** "2nd of 4 sides", "Only side". */
export const sidePlace = ({ rank, of }: { rank: number; of: number }) => (of <= 1 ? "The only side" : `${ordinal(rank)} of ${of} sides`);

/** A ruling in words with its symbol (never colour alone). */
export const rulingWords: Record<Challenge["status"], string> = { open: "⏳ Waiting for the teacher's ruling", upheld: "✓ Upheld", rejected: "✗ Rejected" };
