// A teacher's close holds its own session's new writes and waits until those already taken are
// stored (server/live/hotpath), and for no other class's: a flood of votes in one class, or a
// database slow to take it, never holds up a close in another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { HOT_BATCH } from "../../server/live/hotpath/batcher";
import { createHotPath } from "../../server/live/hotpath";
import { createScenarioLibrary } from "../../server/live/scenarios";

type Write = { sessionId: string; n: number };

describe("quiescing a session", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({ backend: "pglite" });
  });
  afterAll(() => database?.close());

  /** A hot path whose batches holding a write of `slowSession` are stored only once `release` is called. */
  function hotPath(slowSession: string) {
    const hot = createHotPath(database.db, createScenarioLibrary(database.db, []));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const stored: string[] = [];
    const writes = hot.batcher<Write, boolean>({
      ...HOT_BATCH,
      run: async (items) => {
        if (items.some((w) => w.sessionId === slowSession)) await released;
        stored.push(...items.map((w) => `${w.sessionId}${w.n}`));
        return items.map(() => true);
      },
    });
    return { hot, writes, stored, release };
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it("runs a close without waiting for another class's writes, taken before it or after", async () => {
    const { hot, writes, stored, release } = hotPath("B");
    await writes.add({ sessionId: "A", n: 1 });
    // Class B floods: its first batch is stuck in the database, more wait behind it.
    const flood = [writes.add({ sessionId: "B", n: 1 })];
    await turn();
    flood.push(writes.add({ sessionId: "B", n: 2 }));
    const closed = await Promise.race([
      hot.quiesce("A", async () => [...stored]),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 1000)),
    ]);
    expect(closed).toEqual(["A1"]);
    release();
    expect(await Promise.all(flood)).toEqual([true, true]);
  });

  it("waits for the class's own writes taken before the close, even queued behind another class's", async () => {
    const { hot, writes, stored, release } = hotPath("B");
    const flood = writes.add({ sessionId: "B", n: 1 });
    await turn();
    const mine = writes.add({ sessionId: "A", n: 1 });
    let ran = false;
    const closed = hot.quiesce("A", async () => {
      ran = true;
      return [...stored];
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toBe(false);
    release();
    expect(await closed).toEqual(["B1", "A1"]);
    expect(await Promise.all([flood, mine])).toEqual([true, true]);
  });
});
