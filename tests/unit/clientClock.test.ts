import { describe, expect, it } from "vitest";
import { clockOffset, countdownPhase, formatClock, secondsLeft, spokenClock, WARNING_SECONDS } from "../../app/lib/clock";

const SERVER_NOW = Date.UTC(2025, 2, 10, 9, 0, 0);

describe("client clock", () => {
  it("measures the server's clock against the midpoint of the request", () => {
    // Phone 5 s behind the server; the request took 400 ms there and back.
    expect(clockOffset(SERVER_NOW - 5_000 - 200, SERVER_NOW, SERVER_NOW - 5_000 + 200)).toBe(5_000);
    // Phone 2 s ahead.
    expect(clockOffset(SERVER_NOW + 2_000 - 50, SERVER_NOW, SERVER_NOW + 2_000 + 50)).toBe(-2_000);
  });

  it("counts an open round down from the server's deadline, whatever the phone's clock says", () => {
    const round = { status: "open" as const, endsAt: SERVER_NOW + 90_000, remainingMs: 90_000 };
    // A phone 5 s behind and one 2 s ahead see the same time left at the same real moment.
    expect(secondsLeft(round, 5_000, SERVER_NOW - 5_000)).toBe(90);
    expect(secondsLeft(round, -2_000, SERVER_NOW + 2_000)).toBe(90);
    // Rounded up: 0.1 s left still shows 1, so 0 means the time is really up.
    expect(secondsLeft(round, 0, SERVER_NOW + 89_900)).toBe(1);
    expect(secondsLeft(round, 0, SERVER_NOW + 90_000)).toBe(0);
    expect(secondsLeft(round, 0, SERVER_NOW + 200_000)).toBe(0);
  });

  it("shows what was left for a paused round and 0 for a closed one", () => {
    expect(secondsLeft({ status: "paused", endsAt: null, remainingMs: 41_200 }, 5_000, SERVER_NOW)).toBe(42);
    expect(secondsLeft({ status: "closed", endsAt: SERVER_NOW + 60_000, remainingMs: 0 }, 0, SERVER_NOW)).toBe(0);
  });

  it("formats minutes and two-digit seconds", () => {
    expect(formatClock(245)).toBe("4:05");
    expect(formatClock(9)).toBe("0:09");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(3600)).toBe("60:00");
    expect(formatClock(-3)).toBe("0:00");
  });

  it("says the time in words for screen readers", () => {
    expect(spokenClock(245)).toBe("4 minutes 5 seconds");
    expect(spokenClock(60)).toBe("1 minute");
    expect(spokenClock(61)).toBe("1 minute 1 second");
    expect(spokenClock(9)).toBe("9 seconds");
    expect(spokenClock(0)).toBe("0 seconds");
  });

  it("warns in the last 30 seconds, and says when a round is paused, its time is up or it is closed", () => {
    expect(WARNING_SECONDS).toBe(30);
    expect(countdownPhase("open", 31)).toBe("running");
    expect(countdownPhase("open", 30)).toBe("warning");
    expect(countdownPhase("open", 1)).toBe("warning");
    expect(countdownPhase("open", 0)).toBe("up");
    // A closed round says so, never "time is up": the teacher may have ended it early.
    expect(countdownPhase("closed", 0)).toBe("closed");
    expect(countdownPhase("closed", 45)).toBe("closed");
    expect(countdownPhase("paused", 12)).toBe("paused");
    expect(countdownPhase("paused", 0)).toBe("paused");
  });

  it("warns from a shorter threshold when given one (a quiz question's last seconds)", () => {
    expect(countdownPhase("open", 6, 5)).toBe("running");
    expect(countdownPhase("open", 5, 5)).toBe("warning");
    expect(countdownPhase("open", 0, 5)).toBe("up");
  });
});
