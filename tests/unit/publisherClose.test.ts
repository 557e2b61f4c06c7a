// Shutting down waits for the broadcasts under way: each reads the database, and one still
// reading when the database closes failed ("publishing … failed", and on PostgreSQL a connection
// reset nobody caught). A real Socket.IO server, no clients; the view source answers when told.
import { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import { createPublisher, type ViewSource } from "../../server/live/publish/publisher";
import type { LiveServer } from "../../server/live/publish/events";

describe("the publisher's close", () => {
  it("settles only once the sends under way have finished, and starts none after", async () => {
    const io = new Server() as LiveServer;
    let finish!: () => void;
    let builds = 0;
    const views = {
      hostAndProjector: () => {
        builds += 1;
        return new Promise((resolve) => (finish = () => resolve({ host: {}, projector: {} } as never)));
      },
      participants: async () => [],
      scores: async () => ({ host: { sides: [], individuals: [] }, votes: {}, others: null }),
    } satisfies ViewSource;
    const publisher = createPublisher(io, views, 0);
    const out = publisher.outbox();
    out.views("s1");
    await out.flush();
    await expect.poll(() => builds).toBe(1);

    let closed = false;
    const closing = publisher.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    finish();
    await closing;
    expect(closed).toBe(true);

    // Closed: a later command's broadcasts are not built at all.
    const late = publisher.outbox();
    late.views("s1");
    await late.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(builds).toBe(1);
  });
});
