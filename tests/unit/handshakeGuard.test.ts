// The handshake guard's rules: one CONNECT per connection; only failed handshakes use up an
// address's allowance, so a school's successful (or merely delayed) handshakes never do.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createHandshakeGuard, FAILED_HANDSHAKES } from "../../server/realtime/handshakes";

const trustNone = () => () => false;

describe("handshake guard", () => {
  it("lets each connection through once", () => {
    const guard = createHandshakeGuard(trustNone);
    const [a, b] = [{}, {}];
    expect([guard.first(a), guard.first(a), guard.first(b), guard.first(a)]).toEqual([true, false, true, false]);
  });

  it("counts only failures per address, refusing an address once they are spent", async () => {
    const guard = createHandshakeGuard(trustNone);
    for (let i = 0; i < FAILED_HANDSHAKES.points * 2; i++) {
      expect(await guard.allowed("school")).toBe(true);
      guard.settle("school", ([undefined, "rate_limited", "unavailable", "internal"] as const)[i % 4]);
    }
    for (let i = 0; i < FAILED_HANDSHAKES.points; i++) {
      expect(await guard.allowed("script")).toBe(true);
      guard.settle("script", (["not_found", "forbidden", "invalid"] as const)[i % 3]);
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(await guard.allowed("script")).toBe(false);
    expect(await guard.allowed("school")).toBe(true);
  });

  it("takes the client's address from a proxy only when the proxy is trusted", () => {
    const request = { socket: { remoteAddress: "127.0.0.1" }, connection: { remoteAddress: "127.0.0.1" }, headers: { "x-forwarded-for": "198.51.100.7" } } as unknown as IncomingMessage;
    expect(createHandshakeGuard(trustNone).addressOf(request)).toBe("127.0.0.1");
    expect(createHandshakeGuard(() => (address) => address === "127.0.0.1").addressOf(request)).toBe("198.51.100.7");
  });
});
