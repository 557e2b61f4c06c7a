// What the poll screens derive from a poll view: bar shares, the scale's average, word-cloud
// sizes, "N of M have voted", a vote in words and the persuasion result in words. Pure, so the
// console, the phone and the projector agree and each rule is unit-tested.
import type { Persuasion, PollKind, PollTally, PollView, Stance3 } from "../../server/live/views/types";
import { signed } from "./debate";

export const pollKindLabel: Record<PollKind, string> = {
  motion: "For, against or undecided on the motion",
  scale: "Agreement from 1 to 5",
  choice: "One of these options",
  multiple: "Any of these options",
  text: "A short answer, shown as a word cloud",
};
export const pollWhenLabel = { before: "Before the debate", after: "After the debate", any: "Any time" } as const;

/** Whole percent of `total`, 0 when nothing was counted. */
export const percent = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

export type Bar = { label: string; count: number; percent: number; correct?: boolean };

/**
 * One bar per option: its votes and its share of the students who voted. A multiple-choice vote
 * counts for each option chosen, so those shares can add up past 100; a tally that has counted a
 * vote before its voter never shows a bar past 100 either.
 */
export function bars(labels: readonly string[], counts: readonly number[], voted: number): Bar[] {
  const total = Math.max(voted, ...counts, 0);
  return labels.map((label, i) => ({ label, count: counts[i] ?? 0, percent: percent(counts[i] ?? 0, total) }));
}

/** How a poll's results are drawn: a word cloud, a 1-5 distribution, or bars. */
export function chartOf(poll: Pick<PollView, "kind" | "options">): "cloud" | "scale" | "bars" {
  if (poll.kind === "text") return "cloud";
  return poll.kind === "scale" || (poll.kind === "motion" && poll.options.length === 5) ? "scale" : "bars";
}

/** The 1-5 scale's average to one decimal, or null before any vote. */
export function scaleAverage(counts: readonly number[]): number | null {
  const votes = counts.reduce((a, b) => a + b, 0);
  if (votes === 0) return null;
  return Math.round((counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / votes) * 10) / 10;
}

/** "12 of 30 have voted", "1 of 30 has voted". */
export const votedLine = ({ voted, of }: Pick<PollTally, "voted" | "of">) => `${voted} of ${of} ${voted === 1 ? "has" : "have"} voted`;

/** A word-cloud entry's font size in em: 1 for the rarest, 3 for the most given. */
export function cloudSize(count: number, most: number): number {
  if (most <= 1) return 1;
  return Math.round((1 + (2 * (count - 1)) / (most - 1)) * 100) / 100;
}

/** A vote in words: the options chosen, or the text given. */
export function voteText(options: readonly string[], vote: { choices: readonly number[]; text: string | null }): string {
  if (vote.text) return `“${vote.text}”`;
  return vote.choices.map((i) => options[i] ?? `option ${i + 1}`).join(", ");
}

/** The results in one sentence, for screen readers once a poll closes or is revealed. */
export function resultsSentence(poll: PollView): string {
  const { counts, cloud } = poll.tally;
  if (cloud)
    return cloud.length
      ? `Most given: ${cloud
          .slice(0, 5)
          .map((e) => `${e.text} (${e.count})`)
          .join(", ")}.`
      : "No answers yet.";
  if (!counts) return "Results are hidden.";
  return `${poll.options.map((o, i) => `${o}: ${counts[i] ?? 0}`).join(", ")}.`;
}

/**
 * What a screen reader is told about the poll shown: it opened, its results were revealed, it
 * closed (with the results when they may be seen). It changes on those moments only, never with
 * each tally, so a polite live region speaks just then.
 */
export function pollNews(poll: PollView): string {
  const visible = poll.tally.counts !== null || poll.tally.cloud !== null;
  if (poll.status === "open") return `Poll open: ${poll.prompt}${poll.results === "hidden" && poll.revealed ? " Results revealed." : ""}`;
  return `Poll closed: ${poll.prompt} ${visible ? resultsSentence(poll) : "Results are shown when the teacher reveals them."}`;
}

export const stanceLabel: Record<Stance3, string> = { for: "For the motion", against: "Against the motion", undecided: "Undecided" };
export const STANCES: readonly Stance3[] = ["for", "against", "undecided"];

/** A share as a person reads it: "42%", "33.3%" (kept exact until shown). */
export const shareText = (share: number) => `${Math.round(share * 10) / 10}%`;
/** A gain in percentage points, to one decimal: "+12.5", "−3", "0". */
export const gainNumber = (gain: number) => signed(Math.round(gain * 10) / 10);
/** The same in words: "+12.5 points", "−3 points", "0 points". */
export const gainText = (gain: number) => `${gainNumber(gain)} points`;

/** Who won the audience, in words. */
export function persuasionWinner(p: Persuasion): string {
  if (p.winner === "tie") return `A tie: both sides of the motion gained ${gainText(p.gain.for)}.`;
  const loser = p.winner === "for" ? "against" : "for";
  return `${stanceLabel[p.winner]} wins the audience: ${gainText(p.gain[p.winner])} against ${gainText(p.gain[loser])}.`;
}

/** How many of those who voted twice moved from one stance to another. */
export const flowCount = (p: Persuasion, from: Stance3, to: Stance3) => p.flow.find((f) => f.from === from && f.to === to)?.count ?? 0;
export const movedCount = (p: Persuasion) => p.flow.filter((f) => f.from !== f.to).reduce((sum, f) => sum + f.count, 0);
