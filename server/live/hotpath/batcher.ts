// Groups many small writes into one short transaction. A write joins the waiting batch and its
// promise settles when that batch has committed (or failed), so an acknowledgement never
// promises what is not stored. One batch runs at a time: a student's later write always lands
// after their earlier one, and the database sees a steady trickle of short transactions instead
// of thousands of tiny ones competing for locks.

import { LiveError } from "../errors";

export type BatchOptions<I, R> = {
  /** How long the first waiting write waits for company. */
  windowMs: number;
  /** A batch this large goes at once. */
  maxItems: number;
  /** Writes waiting beyond this are refused at once (`full` rejects), instead of queueing without end. */
  maxWaiting: number;
  /** Stores the batch; answers one result per item, in order. */
  run(items: I[]): Promise<R[]>;
};

/**
 * The hot path's batches: a write waits at most 5 ms for company, 500 go at once, and up to
 * 10,000 may wait (a 2,000-student class sending a few each) before more are refused as busy.
 */
export const HOT_BATCH = { windowMs: 5, maxItems: 500, maxWaiting: 10_000 } as const;

export class BatchFullError extends Error {
  constructor() {
    super("too many writes waiting");
    this.name = "BatchFullError";
  }
}

type Entry<I, R> = { item: I; seq: number; resolve(result: R): void; reject(error: unknown): void };

export function createBatcher<I, R>({ windowMs, maxItems, maxWaiting, run }: BatchOptions<I, R>) {
  let waiting: Entry<I, R>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // Writes are numbered as they arrive and stored in that order, so a drain waits for exactly
  // the writes before it, however busy other sessions keep the batcher.
  let added = 0;
  let stored = 0;
  let drains: { upTo: number; done: () => void }[] = [];
  let stopped = false;

  function schedule() {
    if (running || waiting.length === 0) return;
    if (waiting.length >= maxItems || drains.length > 0) return void start();
    timer ??= setTimeout(start, windowMs);
  }

  function settleDrains() {
    const still: typeof drains = [];
    for (const d of drains) (d.upTo <= stored ? d.done() : still.push(d));
    drains = still;
  }

  function start() {
    clearTimeout(timer);
    timer = undefined;
    if (running || waiting.length === 0) return;
    const batch = waiting.splice(0, maxItems);
    running = run(batch.map((e) => e.item)).then(
      (results) => batch.forEach((e, i) => e.resolve(results[i])),
      (error) => batch.forEach((e) => e.reject(error)),
    );
    void running.finally(() => {
      running = undefined;
      stored = stopped ? added : batch[batch.length - 1].seq;
      settleDrains();
      schedule();
    });
  }

  return {
    add(item: I): Promise<R> {
      if (stopped || waiting.length >= maxWaiting) return Promise.reject(new BatchFullError());
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, seq: ++added, resolve, reject });
        schedule();
      });
    },

    /** Settles once every write added before the call has been stored (or failed); it sends them at once. */
    drain(): Promise<void> {
      if (stored >= added) return Promise.resolve();
      return new Promise<void>((done) => {
        drains.push({ upTo: added, done });
        if (!running) start();
      });
    },

    get waiting() {
      return waiting.length;
    },

    /** Refuses what waits (the server is stopping). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      for (const e of waiting.splice(0)) e.reject(new BatchFullError());
      stored = added;
      settleDrains();
    },
  };
}

export type Batcher<I, R> = ReturnType<typeof createBatcher<I, R>>;

/** Answers a write the batcher could not take (too many waiting) as a `rate_limited` refusal the client retries. */
export function busy(error: unknown): never {
  if (error instanceof BatchFullError) throw new LiveError("rate_limited", "The server is busy. Wait a moment and try again.");
  throw error;
}
