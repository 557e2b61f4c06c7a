// The browser's side of "time is the server's": correct the phone's clock by an offset measured
// against the server, and say how much of a round is left. Pure, so it is unit-tested; the
// countdown component only adds the ticking.
import { remainingMs, type ClockState } from "../../server/live/rounds/clock";
import { plural } from "./words";

/** What a view carries about a round's clock: the server's ClockState. */
export type RoundClock = ClockState;

/** From this many seconds left, a round's countdown warns (visibly and once to screen readers); a quiz question's is shorter. */
export const WARNING_SECONDS = 30;

/**
 * How far the server's clock is ahead of this one, in ms. The server stamped serverTime while
 * answering a request sent at sentAt and received at receivedAt (this clock); taking the
 * midpoint assumes the way there and back took equally long.
 */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Whole seconds left, rounded up so 0 means the time is really up; never negative. */
export function secondsLeft(round: RoundClock, offsetMs: number, clientNow: number): number {
  return Math.ceil(remainingMs(round, clientNow + offsetMs) / 1000);
}

/** "4:05", "0:09", "60:00". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The same time in words, for screen readers: "4 minutes 5 seconds", "1 minute", "9 seconds". */
export function spokenClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  const parts = [minutes ? plural(minutes, "minute") : "", rest || !minutes ? plural(rest, "second") : ""];
  return parts.filter(Boolean).join(" ");
}

export type CountdownPhase = "running" | "warning" | "paused" | "up" | "closed";

/**
 * What the countdown shows besides the number. A paused round says so even at 0, since the teacher
 * may still add time. "up" is an open round whose clock ran out (the server closes it in a moment);
 * "closed" is a closed round, however it ended, so a round the teacher ended early never says its
 * time is up.
 */
export function countdownPhase(status: RoundClock["status"], seconds: number, warnAt = WARNING_SECONDS): CountdownPhase {
  if (status === "closed") return "closed";
  if (status === "paused") return "paused";
  if (seconds <= 0) return "up";
  return seconds <= warnAt ? "warning" : "running";
}
