// What a client without credentials may cost us: handshakes are anonymous until checked, and a
// check reads the database, so two rules run before any check does.
// - One namespace CONNECT per engine connection. Socket.IO accepts any number on one connection,
//   each a fresh handshake; our browsers send one, and after a refusal they close the connection
//   and retry on a new one (socket.io-client closes a manager whose only socket was refused).
// - Failed handshakes are counted per client address, as wrong join codes are
//   (app/lib/codeGuesses.server.ts), and an address that failed too often is refused before its
//   check. A handshake carrying a credential this server signed (a login or seat cookie) is
//   counted against that credential instead, so others' guesses never hold it back. Unlike codes, a handshake takes no point before its check: a school of 2,000 reconnecting
//   after a Wi-Fi drop has them all in flight at once, and must never be refused for getting in.
//   The students' lane bounds work in flight instead, so a burst passes the count by at most that.
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { TrustProxy } from "../http/origin";
import type { ErrorCode } from "../live/errors";

/**
 * Failed handshakes per address (or signed credential) per minute: stale tabs of removed seats or ended logins come
 * nowhere near it, even from a whole school; a script gets about five lookups a second, each
 * waiting in the students' lane.
 */
export const FAILED_HANDSHAKES = { points: 300, duration: 60 } as const;

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

    /** May handshakes counted under `key` (an address, or a signed credential) be checked now? False once its failures are spent. */
    allowed: (key: string) => failures.get(key).then((spent) => (spent?.consumedPoints ?? 0) < FAILED_HANDSHAKES.points),

    /** Counts a handshake refused with `code` if it failed (wrong or stale credentials); busy or unreachable does not count. */
    settle(key: string, code?: ErrorCode) {
      if (code !== undefined && FAILURES.has(code)) void failures.penalty(key);
    },
  };
}
