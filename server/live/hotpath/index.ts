// The students' hot path: votes and answers checked against an in-memory gate, grouped into
// batches, acknowledged after their batch commits (DESIGN.md "Hot paths"). This module holds
// what the polls and the quiz share: the gates, the batchers, and quiescing a session so that
// a teacher's close sees every write acknowledged before it.
import type { Database } from "../../../db/client";
import type { ScenarioLibrary } from "../scenarios";
import { createBatcher, type BatchOptions } from "./batcher";
import { createGates } from "./gates";

export function createHotPath(db: Database, scenarios: ScenarioLibrary) {
  const gates = createGates(db, scenarios);
  const batchers: { drain(sessionId: string): Promise<void>; stop(): void }[] = [];
  const listeners: ((sessionId: string) => void)[] = [(sessionId) => gates.invalidate(sessionId)];
  return {
    gates,

    /** Caches of a session's state (the gate, the quiz board) are dropped after each teacher command. */
    onCommand(listener: (sessionId: string) => void) {
      listeners.push(listener);
    },
    commandSettled(sessionId: string) {
      for (const listener of listeners) listener(sessionId);
    },

    /** A batcher of a session's writes (each item names its session). */
    batcher<I extends { sessionId: string }, R>(options: Omit<BatchOptions<I, R>, "keyOf">) {
      const batcher = createBatcher({ ...options, keyOf: (item) => item.sessionId });
      batchers.push(batcher);
      return batcher;
    },

    /** Runs `work` with the session's new writes held and every earlier one stored; other sessions' writes are not waited for. */
    async quiesce<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
      const release = gates.hold(sessionId);
      try {
        await Promise.all(batchers.map((b) => b.drain(sessionId)));
        return await work();
      } finally {
        release();
      }
    },

    stop() {
      for (const b of batchers) b.stop();
    },
  };
}

export type HotPath = ReturnType<typeof createHotPath>;
