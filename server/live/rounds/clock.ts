// A round's clock: start, pause, resume, extend and close as pure transitions on the state the
// database stores (status, endsAt, remainingMs). Time is the server's and always passed in, so a
// state read back after a restart gives the same answers as before it.
import { ROUND_SECONDS } from "../../../content/limits";

/**
 * open: endsAt is the deadline; remainingMs is the length as of the last start/resume/extend (informational).
 * paused: endsAt null; remainingMs what was left when paused.
 * closed: endsAt as it was; remainingMs 0.
 */
export type ClockState = { status: "open" | "paused" | "closed"; endsAt: number | null; remainingMs: number };

/** A refused transition says why in words a teacher can read. */
export type ClockResult = { ok: true; clock: ClockState } | { ok: false; message: string };

/** The teacher's +30 s and +1 min buttons. */
export const EXTEND_SECONDS = [30, 60] as const;

const MAX_MS = ROUND_SECONDS.max * 1000;

/** A length a round may be given: whole seconds within ROUND_SECONDS (the plan and the clock both check it). */
export const isRoundLength = (seconds: number) => Number.isInteger(seconds) && seconds >= ROUND_SECONDS.min && seconds <= ROUND_SECONDS.max;
const MAX_MINUTES = ROUND_SECONDS.max / 60;

/** A round's length comes from a validated plan, so a length outside the limits is a programming error. */
export function startClock(seconds: number, now: number): ClockState {
  if (!isRoundLength(seconds))
    throw new RangeError(`A round lasts ${ROUND_SECONDS.min} to ${ROUND_SECONDS.max} whole seconds, not ${seconds}.`);
  return { status: "open", endsAt: now + seconds * 1000, remainingMs: seconds * 1000 };
}

export function pauseClock(c: ClockState, now: number): ClockResult {
  if (c.status !== "open") return refuse(c, "pause");
  return { ok: true, clock: { status: "paused", endsAt: null, remainingMs: remainingMs(c, now) } };
}

export function resumeClock(c: ClockState, now: number): ClockResult {
  if (c.status !== "paused") return refuse(c, "resume");
  return { ok: true, clock: { status: "open", endsAt: now + c.remainingMs, remainingMs: c.remainingMs } };
}

/**
 * Adds time to an open or paused round. An open round already past its deadline (not yet closed)
 * gets the time from now. The time left after extending never exceeds ROUND_SECONDS.max: an
 * extension that would pass it is cut to reach it, and a round already at it is refused.
 */
export function extendClock(c: ClockState, seconds: number, now: number): ClockResult {
  if (c.status === "closed") return refuse(c, "extend");
  if (!Number.isInteger(seconds) || seconds <= 0) return { ok: false, message: "Add a whole number of seconds to the round." };
  const left = remainingMs(c, now);
  if (left >= MAX_MS) return { ok: false, message: `The round already has the most time a round can have (${MAX_MINUTES} minutes).` };
  const extended = Math.min(left + seconds * 1000, MAX_MS);
  const clock: ClockState =
    c.status === "paused"
      ? { status: "paused", endsAt: null, remainingMs: extended }
      : { status: "open", endsAt: now + extended, remainingMs: extended };
  return { ok: true, clock };
}

/** Closing is idempotent: a closed clock stays as it is, so a deadline and a teacher's close may race.
 * `now` is unused: the deadline is kept as it was, for the record. */
export function closeClock(c: ClockState, _now: number): ClockState {
  if (c.status === "closed") return c;
  return { status: "closed", endsAt: c.endsAt, remainingMs: 0 };
}

/** Milliseconds left at `now`, never negative. */
export function remainingMs(c: ClockState, now: number): number {
  if (c.status === "paused") return Math.max(0, c.remainingMs);
  if (c.status === "closed" || c.endsAt === null) return 0;
  return Math.max(0, c.endsAt - now);
}

/** An open round whose deadline has come: the engine closes it. */
export function isDue(c: ClockState, now: number): boolean {
  return c.status === "open" && c.endsAt !== null && now >= c.endsAt;
}

const overVerbs = { pause: "paused", resume: "resumed", extend: "given more time" } as const;

// Only called for a transition the state does not allow; extend is refused on a closed clock only.
function refuse(c: ClockState, action: keyof typeof overVerbs): ClockResult {
  if (c.status === "closed") return { ok: false, message: `The round is over; it cannot be ${overVerbs[action]}.` };
  return { ok: false, message: c.status === "paused" ? "The round is already paused." : "The round is already running." };
}
