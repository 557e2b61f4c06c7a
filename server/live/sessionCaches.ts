// What the engine keeps in memory per session (gates, tallies, boards, results) is a cache of the
// database, so it can be dropped at any time and read again. It is kept while someone is connected
// to the session and dropped by a sweep once no one is, so memory follows the classes in progress,
// not every session since the server started.

/** One cache of per-session state: which sessions it holds, and how to drop one. */
export type SessionCache = { sessions(): Iterable<string>; forget(sessionId: string): void };

/** A cache that is a map keyed by session id. */
export const sessionMap = (map: Map<string, unknown>): SessionCache => ({ sessions: () => map.keys(), forget: (sessionId) => void map.delete(sessionId) });

/** How often sessions no one is connected to are swept from memory. */
export const SWEEP_MS = 60_000;

export function createSessionCaches(connected: (sessionId: string) => boolean, intervalMs = SWEEP_MS) {
  const caches: SessionCache[] = [];
  const timer = setInterval(() => sweep(), intervalMs);
  timer.unref();

  function sweep() {
    for (const cache of caches) for (const sessionId of [...cache.sessions()]) if (!connected(sessionId)) cache.forget(sessionId);
  }

  return {
    register(cache: SessionCache) {
      caches.push(cache);
    },
    sweep,
    /** Drops what every cache holds for one session, connected or not: it was deleted. */
    forget(sessionId: string) {
      for (const cache of caches) cache.forget(sessionId);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

export type SessionCaches = ReturnType<typeof createSessionCaches>;
