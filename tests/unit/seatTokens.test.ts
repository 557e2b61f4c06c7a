import { describe, expect, it } from "vitest";
import { createSeatTokens, hashToken } from "../../server/live/seatTokens";

const session = "7b0c5a0e-4a8e-4bd0-9a43-1f7f2f6f0b11";
const form = "0f4b3c8e-8f0a-4a39-8f4e-6d3c2b1a0e9f";

describe("seat tokens", () => {
  it("gives the same join form the same token, and anything else another", () => {
    const tokens = createSeatTokens("s".repeat(32));
    const token = tokens.forJoin(session, form);
    expect(tokens.forJoin(session, form)).toBe(token);
    expect(createSeatTokens("s".repeat(32)).forJoin(session, form)).toBe(token);
    const others = [
      tokens.forJoin(session, "1f4b3c8e-8f0a-4a39-8f4e-6d3c2b1a0e9f"),
      tokens.forJoin("8b0c5a0e-4a8e-4bd0-9a43-1f7f2f6f0b11", form),
      tokens.forRejoin(session, form),
      createSeatTokens("t".repeat(32)).forJoin(session, form),
    ];
    expect(new Set([token, ...others]).size).toBe(5);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("draws a random token where there is no form id", () => {
    const tokens = createSeatTokens("s".repeat(32));
    expect(tokens.forJoin(session)).not.toBe(tokens.forJoin(session));
    expect(hashToken("a")).toMatch(/^[0-9a-f]{64}$/);
  });
});
