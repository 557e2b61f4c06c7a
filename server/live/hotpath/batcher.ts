// Groups many small writes into one short transaction (group commit). A write's promise settles
// when its batch has committed (or failed), so an acknowledgement never promises what is not
// stored. One batch runs at a time: a student's later write always lands after their earlier
// one, and the database sees a steady trickle of short transactions instead of thousands of tiny
// ones competing for locks. No write waits for company: when no batch runs, a write starts one
// on the next turn of the event loop (writes read in the same turn share it); while one runs,
// writes gather and go together as soon as it has committed. A quiet class gets its answer
// after one statement, a busy one gets large batches.

import { LiveError } from "../errors";

export type BatchOptions<I, R> = {
  /** A batch takes at most this many writes; the rest go in the next. */
  maxItems: number;
  /** Writes waiting beyond this are refused at once (`full` rejects), instead of queueing without end. */
  maxWaiting: number;
  /** Whose write it is (a session): a drain waits for one key's writes only. */
  keyOf(item: I): string;
  /** Stores the batch; answers one result per item, in order. */
  run(items: I[]): Promise<R[]>;
};

/** The hot path's batches: at most 500 go at once, and up to 10,000 may wait (a 2,000-student class sending a few each) before more are refused as busy. */
export const HOT_BATCH = { maxItems: 500, maxWaiting: 10_000 } as const;

export class BatchFullError extends Error {
  constructor() {
    super("too many writes waiting");
    this.name = "BatchFullError";
  }
}

type Entry<I, R> = { item: I; key: string; seq: number; resolve(result: R): void; reject(error: unknown): void };

export function createBatcher<I, R>({ maxItems, maxWaiting, keyOf, run }: BatchOptions<I, R>) {
  const waiting: Entry<I, R>[] = [];
  let next: NodeJS.Immediate | undefined;
  let running = false;
  // Writes are numbered as they arrive and stored in that order, so a key's writes before a drain
  // are stored once its last one is: a drain waits for its own session, however busy others are.
  let added = 0;
  let stored = 0;
  /** Each key's last write not yet stored. */
  const lastOf = new Map<string, number>();
  let drains: { upTo: number; done: () => void }[] = [];
  let stopped = false;

  function schedule() {
    if (running || next || waiting.length === 0) return;
    next = setImmediate(start);
  }

  function settled(batch: Entry<I, R>[]) {
    running = false;
    stored = Math.max(stored, batch[batch.length - 1].seq);
    for (const e of batch) if (lastOf.get(e.key) === e.seq) lastOf.delete(e.key);
    const still: typeof drains = [];
    for (const d of drains) (d.upTo <= stored ? d.done() : still.push(d));
    drains = still;
    schedule();
  }

  function start() {
    next = undefined;
    if (waiting.length === 0) return;
    running = true;
    const batch = waiting.splice(0, maxItems);
    // A `run` that throws at once fails its batch like one that rejects, never stalling the rest.
    void new Promise<R[]>((resolve) => resolve(run(batch.map((e) => e.item))))
      .then(
        (results) => batch.forEach((e, i) => e.resolve(results[i])),
        (error) => batch.forEach((e) => e.reject(error)),
      )
      .finally(() => settled(batch));
  }

  return {
    add(item: I): Promise<R> {
      if (stopped || waiting.length >= maxWaiting) return Promise.reject(new BatchFullError());
      return new Promise<R>((resolve, reject) => {
        const key = keyOf(item);
        const seq = ++added;
        waiting.push({ item, key, seq, resolve, reject });
        lastOf.set(key, seq);
        schedule();
      });
    },

    /** Settles once every write of `key` added before the call has been stored (or failed), whatever other keys add meanwhile. */
    drain(key: string): Promise<void> {
      const upTo = lastOf.get(key);
      if (upTo === undefined) return Promise.resolve();
      return new Promise<void>((done) => drains.push({ upTo, done }));
    },

    /** Refuses what waits (the server is stopping); a batch already running still answers its writes. */
    stop() {
      stopped = true;
      clearImmediate(next);
      next = undefined;
      for (const e of waiting.splice(0)) e.reject(new BatchFullError());
      stored = added;
      lastOf.clear();
      for (const d of drains.splice(0)) d.done();
    },
  };
}

export type Batcher<I, R> = ReturnType<typeof createBatcher<I, R>>;

/** Answers a write the batcher could not take (too many waiting) as a `rate_limited` refusal the client retries. */
export function busy(error: unknown): never {
  if (error instanceof BatchFullError) throw new LiveError("rate_limited", "The server is busy. Wait a moment and try again.");
  throw error;
}
