import { describe, expect, it } from "vitest";
import { LOGIN_IDLE_MS, LOGIN_MAX_MS, renewedExpiry } from "../../server/auth/loginSessions";

const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-01-05T08:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);

describe("renewedExpiry", () => {
  it("slides a used login to two weeks from now, at most once a day", () => {
    const login = { createdAt: start, expiresAt: new Date(start.getTime() + LOGIN_IDLE_MS) };
    expect(renewedExpiry(login, at(0.5))).toBeUndefined();
    expect(renewedExpiry(login, at(1))).toEqual(new Date(at(1).getTime() + LOGIN_IDLE_MS));
    expect(renewedExpiry({ ...login, expiresAt: at(20) }, at(7))).toEqual(at(21));
  });

  it("never takes a login past ninety days from when it began", () => {
    const cap = new Date(start.getTime() + LOGIN_MAX_MS);
    expect(renewedExpiry({ createdAt: start, expiresAt: at(85) }, at(80))).toEqual(cap);
    expect(renewedExpiry({ createdAt: start, expiresAt: cap }, at(85))).toBeUndefined();
  });
});
