// What the teacher's review page derives from a SessionReview: times and durations in words, shares
// correct, how well the class knew a fact, and the review's and exports' addresses. Pure, so the
// page and its tests read the same words.
import type { SessionReview } from "../../server/live/review/types";
import type { Persuasion, Stance3 } from "../../server/live/views/types";
import { STANCES } from "./polls";
import { formatNumber } from "./quiz";

/**
 * The time zone times are written in: the server renders in UTC (it cannot know the reader's),
 * the browser switches to its own once hydrated (see LocalTime).
 */
export type Zone = string | undefined;

const zoneSuffix = (timeZone: Zone) => (timeZone === "UTC" ? " UTC" : "");

const clock = (ms: number, timeZone: Zone) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(ms);

/** "14:05" (24-hour, as a timetable reads), "14:05 UTC" when not in the reader's own zone. */
export const timeText = (ms: number, timeZone: Zone) => clock(ms, timeZone) + zoneSuffix(timeZone);

/** "Tuesday 24 November 2026" (from its parts: ICU versions differ on the comma after the day's name). */
export function dateText(ms: number, timeZone: Zone): string {
  const parts = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

/** "45 s", "4 min 30 s", "12 min", "1 h 5 min": how long something ran, to the second under an hour. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 60)} h`;
}

/** "14:05–14:32 (27 min)", or "from 14:05, still running" while it has no end. */
export function spanText(start: number, end: number | null, timeZone: Zone): string {
  if (end === null) return `from ${timeText(start, timeZone)}, still running`;
  return `${clock(start, timeZone)}–${timeText(end, timeZone)} (${durationText(end - start)})`;
}

/** An answer time as the quiz reads it: "0.4 s", "12.4 s", "20 s". */
export const secondsText = (ms: number) => `${formatNumber(Math.round(ms / 100) / 10)} s`;

/** A share from 0 to 1 in whole percent: "38%"; "–" when nothing was counted. */
export const percentText = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** "3 of 8 answered correctly (38%)", "No one answered". */
export function correctLine(item: { answered: number; correct: number; shareCorrect: number | null }): string {
  if (item.answered === 0) return "No one answered";
  return `${item.correct} of ${item.answered} answered correctly (${percentText(item.shareCorrect)})`;
}

/**
 * How well the class knew a fact, with a symbol and words so colour is never the only signal:
 * under half right is missed by most, under four in five missed by some.
 */
export function masteryOf(share: number | null): { symbol: string; text: string; tone: "missed" | "mixed" | "known" | "none" } {
  if (share === null) return { symbol: "–", text: "No answers", tone: "none" };
  if (share < 0.5) return { symbol: "✗", text: "Missed by most of the class", tone: "missed" };
  if (share < 0.8) return { symbol: "◐", text: "Missed by some of the class", tone: "mixed" };
  return { symbol: "✓", text: "Known by nearly everyone", tone: "known" };
}

export const sessionStatusLabel: Record<SessionReview["session"]["status"], string> = {
  lobby: "○ Not started: students were still joining",
  live: "▶ Still running",
  ended: "✓ Ended",
};

const namesQuery = (anonymous: boolean) => (anonymous ? "?names=anonymous" : "");

/** The review page, with real names or anonymous labels. */
export const reviewUrl = (sessionId: string, anonymous: boolean) => `/teacher/sessions/${sessionId}/review${namesQuery(anonymous)}`;

/** An export's address; anonymous exports hold the same labels as the page. */
export const exportUrl = (sessionId: string, file: string, anonymous: boolean) => `/teacher/sessions/${sessionId}/export/${file}${namesQuery(anonymous)}`;

/** The flow of motion votes as a graph: a node per stance before and after, a link per move with students in it. */
export type FlowNode = { id: string; stance: Stance3; when: "before" | "after"; count: number };
export type FlowLink = { source: string; target: string; from: Stance3; to: Stance3; value: number };

export function flowGraph(p: Pick<Persuasion, "flow">): { nodes: FlowNode[]; links: FlowLink[] } {
  const links = p.flow.filter((f) => f.count > 0).map((f) => ({ source: `before-${f.from}`, target: `after-${f.to}`, from: f.from, to: f.to, value: f.count }));
  const nodes = (["before", "after"] as const).flatMap((when) =>
    STANCES.map((stance) => ({
      id: `${when}-${stance}`,
      stance,
      when,
      count: links.reduce((sum, l) => sum + ((when === "before" ? l.from : l.to) === stance ? l.value : 0), 0),
    })).filter((n) => n.count > 0),
  );
  return { nodes, links };
}

/** Ranks for totals listed highest first: equal totals share a rank and the next is skipped (1, 2, 2, 4). */
export function sharedRanks(totals: readonly number[]): number[] {
  return totals.map((t, i) => totals.indexOf(t) + 1);
}
