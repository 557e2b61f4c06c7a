// What the debate screens derive from a view: who is on the floor, which round comes next, how
// crossfire hangs together and what a student may vote for. Pure, so each rule is tested alone
// and the console, the phone and the projector agree.
import { isArticleSpeaker } from "../../content/speakers";
import type { ArgumentView, PlanItem } from "../../server/live/views/types";

export { isSpeakingRound } from "../../server/live/rounds/kinds";

/** Status in words, with a symbol, so colour is never the only signal. */
export const planStatusLabel: Record<PlanItem["status"], string> = {
  upcoming: "○ Upcoming",
  open: "▶ Running",
  paused: "‖ Paused",
  closed: "✓ Done",
  skipped: "⤼ Skipped",
};

/** The round "Start next round" starts: the first one still upcoming. */
export const nextUpcoming = (plan: readonly PlanItem[]) => plan.find((p) => p.status === "upcoming") ?? null;

/** Rounds that have been run (or are running), for looking back at their arguments. */
export const roundsRun = (plan: readonly PlanItem[]) => plan.filter((p) => p.roundId && p.status !== "skipped");

/** Side ids as names, keeping an unknown id readable rather than blank. */
export function sideNames(sides: readonly { id: string; name: string }[]) {
  const names = new Map(sides.map((s) => [s.id, s.name]));
  return (id: string | null) => (id === null ? "" : (names.get(id) ?? id));
}

/** "Port Authority and Fishers' Union", for who is on the floor. */
export function listNames(names: readonly string[]) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export type Thread = { question: ArgumentView; answers: ArgumentView[] };

/** Crossfire as threads: each question (oldest first) with the answers that reply to it. */
export function threadsOf(items: readonly ArgumentView[]): Thread[] {
  const byOldest = [...items].sort((a, b) => a.createdAt - b.createdAt);
  return byOldest
    .filter((a) => a.kind === "question")
    .map((question) => ({ question, answers: byOldest.filter((a) => a.kind === "answer" && a.replyTo === question.id) }));
}

export const ofRound = (items: readonly ArgumentView[], roundId: string) => items.filter((a) => a.roundId === roundId);

/** What a student may vote for in a closed round: speeches, questions and answers from another side. */
export const votableFor = (items: readonly ArgumentView[], roundId: string, mySideId: string) =>
  ofRound(items, roundId).filter((a) => a.sideId !== mySideId);

/** The newest arguments first, at most `limit` of them (the projector cannot show a whole debate). */
export const latestFirst = (items: readonly ArgumentView[], limit: number) => [...items].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);

/** A signed number as a score shows it: +10, −30, 0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0");

/**
 * What a screen reader hears while a student types: nothing until 100 characters are left, then
 * only when a step (100, 50, the limit) is crossed, never each keystroke.
 */
export function nearLimitNotice(length: number, max: number) {
  const left = max - length;
  if (left <= 0) return `Limit reached: ${max} of ${max} characters.`;
  if (left <= 50) return "50 characters left or fewer.";
  if (left <= 100) return "100 characters left or fewer.";
  return "";
}

/**
 * Who a quote card names before its source. A person stays as written; "the article" (with or
 * without its outlet in brackets) is left out, since the source line that follows names the
 * article; what the article is said to report stays: "Reporting what rights groups say".
 */
export function quoteSpeaker(speaker: string): string | null {
  if (!isArticleSpeaker(speaker)) return speaker;
  const match = /^the article\b\s*(?:\(([^)]*)\))?\s*,?\s*([\s\S]*)$/i.exec(speaker.trim());
  if (!match) return speaker;
  // "(VOA, reporting …)": the outlet is in the source line, what follows it is not.
  const bracketed = match[1]?.split(",").slice(1).join(",").trim();
  const rest = [bracketed, match[2].trim()].filter(Boolean).join(", ");
  return rest ? rest[0].toUpperCase() + rest.slice(1) : null;
}
