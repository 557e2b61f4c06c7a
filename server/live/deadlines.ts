// Each running round's or open question's deadline as a timer, a cache of what the database
// says: armed when it starts, resumes or is extended, re-armed for every open one at start-up, and
// harmless when it fires late or twice, since closing is `... where status = 'open'` and checks
// the deadline again under the session's lock.
import { logError } from "../errorLog";
import type { CommandContext, CommandRunner } from "./command";
import { isLiveError } from "./errors";

/** How soon a deadline close that failed (the database out of reach) is tried again. */
const CLOSE_RETRY_MS = 2000;

/**
 * `closeIfDue` runs as a command that quiesces the session's writes; it closes the thing if it is
 * still open and really due, or answers the deadline to wait for (extended on another node, or
 * Node ran the timer a little early), since nothing else would close it.
 */
export function createDeadlines(
  runCommand: CommandRunner["runCommand"],
  what: string,
  closeIfDue: (ctx: CommandContext, id: string) => Promise<number | undefined>,
) {
  const timers = new Map<string, { sessionId: string; timer: NodeJS.Timeout }>();
  let stopped = false;

  async function fire(sessionId: string, id: string) {
    try {
      await runCommand(
        sessionId,
        async (ctx) => {
          const later = await closeIfDue(ctx, id);
          if (later !== undefined) ctx.out.after(() => arm(sessionId, id, later));
        },
        { quiesce: true },
      );
    } catch (error) {
      // An ended or deleted session has nothing left to close. Anything else (the database out of
      // reach) is tried again shortly: no one else would close it before a restart.
      if (isLiveError(error)) return;
      logError(`closing ${what} at its deadline failed`, error);
      arm(sessionId, id, Date.now() + CLOSE_RETRY_MS);
    }
  }

  function arm(sessionId: string, id: string, endsAt: number) {
    if (stopped) return;
    clearTimeout(timers.get(id)?.timer);
    const timer = setTimeout(() => {
      timers.delete(id);
      void fire(sessionId, id);
    }, Math.max(0, endsAt - Date.now()));
    timers.set(id, { sessionId, timer });
  }

  function disarm(id: string) {
    clearTimeout(timers.get(id)?.timer);
    timers.delete(id);
  }

  return {
    arm,
    disarm,
    /** A deleted session's deadlines (one left to fire would only find the session gone). */
    disarmSession(sessionId: string) {
      for (const [id, armed] of timers) if (armed.sessionId === sessionId) disarm(id);
    },
    stop() {
      stopped = true;
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
