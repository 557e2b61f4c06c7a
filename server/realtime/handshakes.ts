// What a client without credentials may cost us: handshakes are anonymous until checked, and a
// check reads the database, so two rules run before any check does.
// - One namespace CONNECT per engine connection. Socket.IO accepts any number on one connection,
//   each a fresh handshake; our browsers send one, and after a refusal they close the connection
//   and retry on a new one (socket.io-client closes a manager whose only socket was refused).
// - Failed handshakes are counted per client address, as wrong join codes are
//   (app/lib/codeGuesses.server.ts): each takes a point before its check and a handshake that
//   did not fail gives it back, so a whole school behind one address is never refused for
//   getting in, only for failing.
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { TrustProxy } from "../http/origin";
import type { ErrorCode } from "../live/errors";
import { STUDENT_LANE } from "./limits";

/**
 * Failed handshakes per address per minute. Points are taken before the check, so a burst in
 * flight counts: the students' lane holds at most `concurrency + maxQueue` (a 2,000-student
 * school reconnecting at once), and beyond that 500 real failures (stale tabs of ended sessions).
 * A script from one address gets about 40 lookups a second, each waiting in the students' lane.
 */
export const FAILED_HANDSHAKES = { points: STUDENT_LANE.concurrency + STUDENT_LANE.maxQueue + 500, duration: 60 } as const;

/** Refusals that mean the client brought wrong or stale credentials; the rest (busy, database down) do not count. */
const FAILURES: ReadonlySet<ErrorCode> = new Set(["invalid", "not_found", "forbidden"]);

export const TOO_MANY_FAILED = "Too many failed connections from this network. Wait a minute and try again.";

export function createHandshakeGuard(trust: () => TrustProxy) {
  const failures = new RateLimiterMemory(FAILED_HANDSHAKES);
  const connected = new WeakSet<object>();

  return {
    /** True only for the first CONNECT on this engine connection. */
    first(connection: object): boolean {
      if (connected.has(connection)) return false;
      connected.add(connection);
      return true;
    },

    /** The client's address; behind a trusted proxy, the one it forwarded (as Express's req.ip). */
    addressOf: (request: IncomingMessage) => proxyaddr(request, trust()),

    /** Takes a point for this address before its check; false when its failures are spent. */
    take: (address: string) =>
      failures.consume(address).then(
        () => true,
        () => false,
      ),

    /** Settles a taken point: a handshake refused with `code` keeps it if it failed; anything else gives it back. */
    settle(address: string, code?: ErrorCode) {
      if (code === undefined || !FAILURES.has(code)) void failures.reward(address);
    },
  };
}
