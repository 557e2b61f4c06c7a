import { describe, expect, it } from "vitest";
import { hashToken } from "../../server/hashToken";
import { createSeatTokens } from "../../server/live/lobby/seatTokens";

const session = "7b0c5a0e-4a8e-4bd0-9a43-1f7f2f6f0b11";
const form = "0f4b3c8e-8f0a-4a39-8f4e-6d3c2b1a0e9f";

describe("seat tokens", () => {
  it("gives the same join form the same token, and anything else another", () => {
    const tokens = createSeatTokens("s".repeat(32));
    const token = tokens.token("join", session, form);
    expect(tokens.token("join", session, form)).toBe(token);
    expect(createSeatTokens("s".repeat(32)).token("join", session, form)).toBe(token);
    const others = [
      tokens.token("join", session, "1f4b3c8e-8f0a-4a39-8f4e-6d3c2b1a0e9f"),
      tokens.token("join", "8b0c5a0e-4a8e-4bd0-9a43-1f7f2f6f0b11", form),
      tokens.token("rejoin", session, form),
      createSeatTokens("t".repeat(32)).token("join", session, form),
    ];
    expect(new Set([token, ...others]).size).toBe(5);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("draws a random token where there is no form id", () => {
    const tokens = createSeatTokens("s".repeat(32));
    expect(tokens.token("join", session)).not.toBe(tokens.token("join", session));
    expect(hashToken("a")).toMatch(/^[0-9a-f]{64}$/);
  });
});
