import { describe, expect, it } from "vitest";
import { ROUND_SECONDS } from "../../content/limits";
import {
  closeClock,
  extendClock,
  isDue,
  pauseClock,
  remainingMs,
  resumeClock,
  startClock,
  type ClockResult,
  type ClockState,
} from "../../server/live/rounds/clock";

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);

function ok(result: ClockResult): ClockState {
  if (!result.ok) throw new Error(`expected a clock, got refusal: ${result.message}`);
  return result.clock;
}

describe("round clock", () => {
  it("starts open with a deadline the given seconds away", () => {
    const c = startClock(300, T0);
    expect(c).toEqual({ status: "open", endsAt: T0 + 300_000, remainingMs: 300_000 });
    expect(remainingMs(c, T0 + 1_500)).toBe(298_500);
    expect(isDue(c, T0 + 299_999)).toBe(false);
    expect(isDue(c, T0 + 300_000)).toBe(true);
  });

  it("refuses to start a round outside the round limits", () => {
    expect(() => startClock(ROUND_SECONDS.min - 1, T0)).toThrow(RangeError);
    expect(() => startClock(ROUND_SECONDS.max + 1, T0)).toThrow(RangeError);
    expect(() => startClock(30.5, T0)).toThrow(RangeError);
    expect(startClock(ROUND_SECONDS.max, T0).remainingMs).toBe(ROUND_SECONDS.max * 1000);
  });

  it("pauses with the time left and resumes with a new deadline from then", () => {
    const paused = ok(pauseClock(startClock(120, T0), T0 + 20_000));
    expect(paused).toEqual({ status: "paused", endsAt: null, remainingMs: 100_000 });
    // A paused round loses no time however long it waits.
    expect(remainingMs(paused, T0 + 10 * 60_000)).toBe(100_000);
    expect(isDue(paused, T0 + 10 * 60_000)).toBe(false);

    const resumed = ok(resumeClock(paused, T0 + 60_000));
    expect(resumed).toEqual({ status: "open", endsAt: T0 + 160_000, remainingMs: 100_000 });
    expect(remainingMs(resumed, T0 + 70_000)).toBe(90_000);
  });

  it("never reports negative time: an overdue open round shows 0 and pauses with 0 left", () => {
    const c = startClock(60, T0);
    expect(remainingMs(c, T0 + 90_000)).toBe(0);
    expect(ok(pauseClock(c, T0 + 90_000))).toEqual({ status: "paused", endsAt: null, remainingMs: 0 });
  });

  it("extends an open round by moving its deadline", () => {
    const c = ok(extendClock(startClock(120, T0), 30, T0 + 100_000));
    expect(c).toEqual({ status: "open", endsAt: T0 + 150_000, remainingMs: 50_000 });
    expect(remainingMs(c, T0 + 100_000)).toBe(50_000);
  });

  it("extends a paused round by adding to what is left, and it stays paused", () => {
    const paused = ok(pauseClock(startClock(120, T0), T0 + 100_000));
    expect(ok(extendClock(paused, 60, T0 + 200_000))).toEqual({ status: "paused", endsAt: null, remainingMs: 80_000 });
  });

  it("extends an open round already past its deadline from now, not from the old deadline", () => {
    const overdue = startClock(60, T0);
    const c = ok(extendClock(overdue, 30, T0 + 75_000));
    expect(c).toEqual({ status: "open", endsAt: T0 + 105_000, remainingMs: 30_000 });
    expect(isDue(c, T0 + 75_000)).toBe(false);
  });

  it("caps the time left after an extension at the longest round, and refuses once it is there", () => {
    const nearMax = startClock(ROUND_SECONDS.max - 10, T0);
    const c = ok(extendClock(nearMax, 60, T0));
    expect(remainingMs(c, T0)).toBe(ROUND_SECONDS.max * 1000);
    expect(extendClock(c, 30, T0)).toEqual({ ok: false, message: "The round already has the most time a round can have (60 minutes)." });
    // Once time has run, the same round can be extended again, up to the cap.
    expect(remainingMs(ok(extendClock(c, 30, T0 + 45_000)), T0 + 45_000)).toBe((ROUND_SECONDS.max - 15) * 1000);
    expect(remainingMs(ok(extendClock(c, 60, T0 + 45_000)), T0 + 45_000)).toBe(ROUND_SECONDS.max * 1000);
  });

  it("refuses an extension that is not a positive whole number of seconds", () => {
    const c = startClock(60, T0);
    for (const seconds of [0, -30, 1.5, Number.NaN])
      expect(extendClock(c, seconds, T0)).toEqual({ ok: false, message: "Add a whole number of seconds to the round." });
  });

  it("closes from open or paused, keeps the deadline, and closing twice changes nothing", () => {
    const closed = closeClock(startClock(60, T0), T0 + 10_000);
    expect(closed).toEqual({ status: "closed", endsAt: T0 + 60_000, remainingMs: 0 });
    expect(remainingMs(closed, T0 + 10_000)).toBe(0);
    expect(isDue(closed, T0 + 90_000)).toBe(false);
    expect(closeClock(closed, T0 + 20_000)).toEqual(closed);

    const paused = ok(pauseClock(startClock(60, T0), T0 + 10_000));
    expect(closeClock(paused, T0 + 20_000)).toEqual({ status: "closed", endsAt: null, remainingMs: 0 });
  });

  it("refuses invalid transitions with a readable message", () => {
    const open = startClock(60, T0);
    const paused = ok(pauseClock(open, T0));
    const closed = closeClock(open, T0);
    expect(pauseClock(paused, T0)).toEqual({ ok: false, message: "The round is already paused." });
    expect(resumeClock(open, T0)).toEqual({ ok: false, message: "The round is already running." });
    expect(pauseClock(closed, T0)).toEqual({ ok: false, message: "The round is over; it cannot be paused." });
    expect(resumeClock(closed, T0)).toEqual({ ok: false, message: "The round is over; it cannot be resumed." });
    expect(extendClock(closed, 30, T0)).toEqual({ ok: false, message: "The round is over; it cannot be given more time." });
  });

  it("keeps its deadline across a restart: a stored state read back later gives the right time left", () => {
    const store = (c: ClockState) => JSON.stringify({ status: c.status, endsAt: c.endsAt, remaining_ms: c.remainingMs });
    const load = (row: string): ClockState => {
      const { status, endsAt, remaining_ms } = JSON.parse(row);
      return { status, endsAt, remainingMs: remaining_ms };
    };

    // Stored 40 s into a 5-minute round; the server comes back 2 minutes later.
    const open = load(store(startClock(300, T0)));
    expect(remainingMs(open, T0 + 160_000)).toBe(140_000);
    expect(isDue(open, T0 + 160_000)).toBe(false);
    // Down past the deadline: the first check after start-up finds it due.
    expect(remainingMs(open, T0 + 400_000)).toBe(0);
    expect(isDue(open, T0 + 400_000)).toBe(true);

    // A paused round keeps its time however long the server was down.
    const paused = load(store(ok(pauseClock(startClock(300, T0), T0 + 40_000))));
    expect(remainingMs(paused, T0 + 3_600_000)).toBe(260_000);
    expect(isDue(paused, T0 + 3_600_000)).toBe(false);
    expect(ok(resumeClock(paused, T0 + 3_600_000)).endsAt).toBe(T0 + 3_600_000 + 260_000);
  });
});
