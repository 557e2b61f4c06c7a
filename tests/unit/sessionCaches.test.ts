// The sweep drops what the engine holds for sessions no one is connected to, from every cache
// registered, and keeps the rest.
import { afterEach, describe, expect, it } from "vitest";
import { createSessionCaches, sessionMap } from "../../server/live/sessionCaches";

const mapCache = (entries: [string, string][]) => {
  const map = new Map(entries);
  return { map, cache: sessionMap(map) };
};

describe("session caches", () => {
  let stop = () => {};
  afterEach(() => stop());

  it("sweeps only the sessions no one is connected to, in every cache", () => {
    const connected = new Set(["live"]);
    const caches = createSessionCaches((id) => connected.has(id));
    stop = caches.stop;
    const gates = mapCache([["live", "g1"], ["gone", "g2"]]);
    const boards = mapCache([["gone", "b2"], ["other", "b3"]]);
    caches.register(gates.cache);
    caches.register(boards.cache);
    caches.sweep();
    expect([...gates.map.keys()]).toEqual(["live"]);
    expect([...boards.map.keys()]).toEqual([]);
  });

  it("forgets one session in every cache at once, connected or not (a deleted session)", () => {
    const caches = createSessionCaches(() => true);
    stop = caches.stop;
    const gates = mapCache([["deleted", "g1"], ["kept", "g2"]]);
    const boards = mapCache([["deleted", "b1"]]);
    caches.register(gates.cache);
    caches.register(boards.cache);
    caches.forget("deleted");
    expect([...gates.map.keys()]).toEqual(["kept"]);
    expect([...boards.map.keys()]).toEqual([]);
  });

  it("sweeps by itself on its interval", async () => {
    const caches = createSessionCaches(() => false, 10);
    stop = caches.stop;
    const held = mapCache([["a", "x"]]);
    caches.register(held.cache);
    await expect.poll(() => held.map.size, { timeout: 1000 }).toBe(0);
  });
});
