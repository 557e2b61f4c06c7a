// Whether the database can be reached, owned in one place. An error that says the database is
// out of reach (not a bad query) marks it down; while down, a probe runs every couple of seconds
// and marks it up again when it answers. Listeners hear each change (pages answer 503 meanwhile,
// sockets are told). PGlite runs in this process and never becomes unreachable.
import { describeError } from "./errorLog";

/** What people see while the database is out of reach. */
export const UNREACHABLE_MESSAGE = "The server cannot reach its database. Try again in a moment.";

// postgres.js's own connection errors, and Node's socket errors it passes on. CONNECTION_ENDED
// and CONNECTION_DESTROYED are absent on purpose: they mean this server closed its pool.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting). */
const unreachableState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03";

/** Whether `error` (or what it wraps, as drizzle wraps the driver's errors) says the database is out of reach. */
export function isUnreachable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === "string" && (CONNECTION_CODES.has(e.code) || unreachableState(e.code))) return true;
  }
  return false;
}

export type DatabaseHealth = ReturnType<typeof createDatabaseHealth>;

export function createDatabaseHealth(probe: () => Promise<unknown>, { probeMs = 2000, log = (line: string) => console.error(line) } = {}) {
  let up = true;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const listeners = new Set<(up: boolean) => void>();

  function set(next: boolean) {
    if (up === next) return;
    up = next;
    for (const listener of listeners) listener(up);
  }

  function markDown(reason: string) {
    if (!up || closed) return;
    log(`database: unreachable (${reason}); answering 503 until it is back`);
    set(false);
    scheduleProbe();
  }

  function scheduleProbe() {
    if (closed) return;
    timer = setTimeout(async () => {
      try {
        await probe();
        if (closed) return;
        log("database: reachable again");
        set(true);
      } catch {
        scheduleProbe();
      }
    }, probeMs);
  }

  return {
    get up() {
      return up;
    },
    /** Marks the database down if `error` says it is out of reach; tells whether it did. */
    report(error: unknown): boolean {
      if (!isUnreachable(error)) return false;
      markDown(describeError(error).split("\n").pop()!.replace(/^\s*caused by: /, ""));
      return true;
    },
    /** For a caller that already knows (a command answered `unavailable`). */
    markDown,
    onChange(listener: (up: boolean) => void) {
      listeners.add(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
    },
  };
}
