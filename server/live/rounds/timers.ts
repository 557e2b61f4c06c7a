// Each running round's deadline as a timer, a cache of what the database says: armed when a round
// starts, resumes or is extended, re-armed for every open round at start-up, and harmless when
// it fires late or twice, since closing is `... where status = 'open'` and checks the deadline.
export function createRoundTimers(closeDue: (sessionId: string, roundId: string) => Promise<void>) {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  return {
    arm(sessionId: string, roundId: string, endsAt: number) {
      if (stopped) return;
      clearTimeout(timers.get(roundId));
      const timer = setTimeout(() => {
        timers.delete(roundId);
        void closeDue(sessionId, roundId);
      }, Math.max(0, endsAt - Date.now()));
      timers.set(roundId, timer);
    },
    disarm(roundId: string) {
      clearTimeout(timers.get(roundId));
      timers.delete(roundId);
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type RoundTimers = ReturnType<typeof createRoundTimers>;
