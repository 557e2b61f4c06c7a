// The hot path's group commit (server/live/hotpath/batcher.ts), on real turns of the event loop:
// a batch's run() is a promise the test settles, so what waits for what is seen exactly.
import { describe, expect, it } from "vitest";
import { BatchFullError, createBatcher } from "../../server/live/hotpath/batcher";

type Item = { key: string; n: number };

/** A batcher whose every run() waits until the test commits it; answers each item's n × 10. */
function controlled(options: { maxItems?: number; maxWaiting?: number } = {}) {
  const batches: { items: Item[]; commit(): void; fail(error: Error): void }[] = [];
  const batcher = createBatcher<Item, number>({
    maxItems: options.maxItems ?? 500,
    maxWaiting: options.maxWaiting ?? 10_000,
    keyOf: (item) => item.key,
    run: (items) =>
      new Promise((resolve, reject) =>
        batches.push({ items, commit: () => resolve(items.map((i) => i.n * 10)), fail: reject }),
      ),
  });
  const ns = () => batches.map((b) => b.items.map((i) => i.n));
  return { batcher, batches, ns };
}

/** Lets the event loop run a few turns (immediates and the promises they settle). */
const turns = async (count = 3) => {
  for (let i = 0; i < count; i++) await new Promise((r) => setImmediate(r));
};

/** Whether `promise` has settled by now. */
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await turns(1);
  return done;
};

const a = (n: number): Item => ({ key: "A", n });
const b = (n: number): Item => ({ key: "B", n });

describe("the batcher (group commit)", () => {
  it("sends a lone write at once, without waiting for company", async () => {
    const { batcher, ns } = controlled();
    const started = performance.now();
    void batcher.add(a(1));
    await turns(1);
    expect(ns()).toEqual([[1]]);
    expect(performance.now() - started).toBeLessThan(5);
  });

  it("puts writes of the same turn in one batch, and answers each with its own result", async () => {
    const { batcher, batches, ns } = controlled();
    const answers = [batcher.add(a(1)), batcher.add(b(2)), batcher.add(a(3))];
    await turns();
    expect(ns()).toEqual([[1, 2, 3]]);
    batches[0].commit();
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
  });

  it("runs one batch at a time: writes that arrive meanwhile go together as soon as it commits, in order", async () => {
    const { batcher, batches, ns } = controlled();
    const first = batcher.add(a(1));
    await turns();
    const later = [batcher.add(b(2))];
    await turns();
    later.push(batcher.add(a(3)), batcher.add(b(4)));
    await turns();
    expect(ns()).toEqual([[1]]);
    expect(await settled(later[0])).toBe(false);
    batches[0].commit();
    expect(await first).toBe(10);
    await turns();
    expect(ns()).toEqual([[1], [2, 3, 4]]);
    batches[1].commit();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it("takes at most maxItems in a batch, the rest in the next ones, in order", async () => {
    const { batcher, batches, ns } = controlled({ maxItems: 2 });
    const answers = [1, 2, 3, 4, 5].map((n) => batcher.add(a(n)));
    for (let i = 0; i < 3; i++) {
      await turns();
      batches[i].commit();
    }
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
    expect(ns()).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("refuses writes beyond maxWaiting at once", async () => {
    const { batcher, batches } = controlled({ maxWaiting: 2 });
    const kept = [batcher.add(a(1)), batcher.add(a(2))];
    await expect(batcher.add(a(3))).rejects.toBeInstanceOf(BatchFullError);
    await turns();
    // Once the batch has taken them, there is room again.
    const more = batcher.add(a(4));
    batches[0].commit();
    await turns();
    batches[1].commit();
    expect(await Promise.all([...kept, more])).toEqual([10, 20, 40]);
  });

  it("answers every write of a failed batch with its error, and goes on with the next", async () => {
    const { batcher, batches } = controlled();
    const failed = [batcher.add(a(1)), batcher.add(b(2))];
    await turns();
    const next = batcher.add(a(3));
    batches[0].fail(new Error("database down"));
    await expect(Promise.all(failed)).rejects.toThrow("database down");
    await expect(failed[1]).rejects.toThrow("database down");
    await turns();
    batches[1].commit();
    expect(await next).toBe(30);
  });

  describe("drains", () => {
    it("settle at once when the key has nothing waiting", async () => {
      const { batcher, batches } = controlled();
      void batcher.add(b(1));
      expect(await settled(batcher.drain("A"))).toBe(true);
      await turns();
      batches[0].commit();
      await turns();
      expect(await settled(batcher.drain("B"))).toBe(true);
    });

    it("settle once the key's writes before the call are stored, not its later ones", async () => {
      const { batcher, batches } = controlled();
      void batcher.add(a(1));
      await turns();
      void batcher.add(a(2));
      const drained = batcher.drain("A");
      void batcher.add(a(3));
      batches[0].commit();
      await turns();
      expect(await settled(drained)).toBe(false);
      // a(2) and a(3) went together; the drain waited for a(2), so for that batch.
      batches[1].commit();
      expect(await settled(drained)).toBe(true);
    });

    it("do not wait for another session's writes, before or after the call", async () => {
      const { batcher, batches, ns } = controlled({ maxItems: 1 });
      void batcher.add(b(1));
      await turns();
      // Waiting behind b(1): a(2), then a flood from B added before and after the drain.
      void batcher.add(a(2));
      void batcher.add(b(3));
      void batcher.add(b(4));
      const drained = batcher.drain("A");
      void batcher.add(b(5));
      batches[0].commit();
      await turns();
      expect(await settled(drained)).toBe(false);
      batches[1].commit();
      await turns();
      // A's write is stored; B's, queued behind it, are still waiting or running.
      expect(ns()).toEqual([[1], [2], [3]]);
      expect(await settled(drained)).toBe(true);
    });

    it("wait for a write of the key that is queued behind other sessions' writes", async () => {
      const { batcher, batches } = controlled({ maxItems: 1 });
      void batcher.add(b(1));
      void batcher.add(b(2));
      void batcher.add(a(3));
      const drained = batcher.drain("A");
      for (let i = 0; i < 2; i++) {
        await turns();
        batches[i].commit();
        await turns();
        expect(await settled(drained)).toBe(false);
      }
      batches[2].commit();
      await turns();
      expect(await settled(drained)).toBe(true);
    });
  });

  it("stop refuses what waits and later writes, and settles drains", async () => {
    const { batcher, batches } = controlled();
    const running = batcher.add(a(1));
    await turns();
    const waiting = batcher.add(a(2));
    const drained = batcher.drain("A");
    batcher.stop();
    await expect(waiting).rejects.toBeInstanceOf(BatchFullError);
    await expect(batcher.add(a(3))).rejects.toBeInstanceOf(BatchFullError);
    expect(await settled(drained)).toBe(true);
    // The batch already running still answers.
    batches[0].commit();
    expect(await running).toBe(10);
  });
});

describe("a run that throws at once", () => {
  it("fails its batch and lets the next batch go", async () => {
    let calls = 0;
    const batcher = createBatcher<Item, number>({
      maxItems: 500,
      maxWaiting: 10_000,
      keyOf: (item) => item.key,
      run: (items) => {
        if (calls++ === 0) throw new Error("bad statement");
        return Promise.resolve(items.map((i) => i.n));
      },
    });
    await expect(batcher.add({ key: "a", n: 1 })).rejects.toThrow("bad statement");
    await expect(batcher.add({ key: "a", n: 2 })).resolves.toBe(2);
  });
});
