// Round clocks over real sockets: a round closes at its deadline by itself, with nobody
// connected; pause, resume and extend reach students as round:changed with sane times; a paused
// round does not close; a server restarted mid-round keeps the deadline and still closes at it.
// Runs on PGlite, and on PostgreSQL when configured.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rounds } from "../../db/schema";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { connect, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, received, SCENARIO_ROUNDS, seatStudents, SIDES, snapshotOf, speak, startRound } from "../support/debate";
import { backends, durableDatabase, startServer, type TestServer } from "../support/server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LATE = "This round has closed: your argument was not changed.";

describe.each(backends)("round clocks on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Clock");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const roundRow = async (id: string, db = server.database.db) => (await db.select().from(rounds).where(eq(rounds.id, id)))[0];
  const debateOf = (seconds: number) => startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds }]);

  it("closes a round at its deadline by itself, with nobody connected", { timeout: 60_000 }, async () => {
    const session = await debateOf(10);
    const host = await connect(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const { Sam } = await seatStudents(server, host, session.code, { [SIDES.cnrp]: ["Sam"] });
    const round = await startRound(host, 0);
    expect(round.endsAt! - Date.now()).toBeGreaterThan(8000);
    host.close();
    Sam.socket.close();

    await sleep(round.endsAt! - Date.now() + 1500);
    const row = await roundRow(round.id);
    expect(row.status).toBe("closed");
    expect(Math.abs(row.closedAt!.getTime() - round.endsAt!)).toBeLessThan(1500);

    const back = await open(server.url, { role: "participant", token: Sam.token });
    const view = await snapshotOf<ParticipantView>(back);
    expect(view.debate.round).toMatchObject({ id: round.id, status: "closed" });
    expect(view.debate.plan[0].status).toBe("closed");
    expect(await speak({ ...Sam, socket: back }, round.id, "Am I too late?")).toMatchObject({ ok: false, error: { code: "closed", message: LATE } });
  });

  it("sends pause, resume, extend and end to students as round:changed with sane times, as the host's view has them", { timeout: 60_000 }, async () => {
    const session = await debateOf(600);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const { Sam } = await seatStudents(server, host, session.code, { [SIDES.us]: ["Sam"] }, open);
    const changes = received(Sam.socket, "round:changed");
    const last = async (status: string) => {
      await expect.poll(() => changes.at(-1)?.round?.status).toBe(status);
      return changes.at(-1)!;
    };

    const round = await startRound(host, 0);
    const started = await last("open");
    expect(started.round!.endsAt).toBe(round.endsAt);
    expect(started.round!.endsAt! - started.serverTime).toBeGreaterThan(598_500);
    expect(started.round!.endsAt! - started.serverTime).toBeLessThanOrEqual(600_000);

    await sleep(1000);
    await must(host, "round:pause", { roundId: round.id });
    const paused = await last("paused");
    expect(paused.round!.endsAt).toBeNull();
    // What was left: the deadline minus the pause time, give or take the command's own time.
    expect(Math.abs(paused.round!.remainingMs - (round.endsAt! - paused.serverTime))).toBeLessThan(1000);
    expect(paused.round!.remainingMs).toBeLessThan(599_100);
    expect(paused.plan[0].status).toBe("paused");
    expect((await snapshotOf<HostView>(host)).debate.round).toMatchObject({ status: "paused", remainingMs: paused.round!.remainingMs });

    // Time stands still while paused; extending a paused round adds to what is left.
    await sleep(1500);
    await must(host, "round:extend", { roundId: round.id, seconds: 30 });
    await expect.poll(() => changes.at(-1)?.round?.remainingMs).toBe(paused.round!.remainingMs + 30_000);
    expect(changes.at(-1)!.round!.status).toBe("paused");

    await must(host, "round:resume", { roundId: round.id });
    const resumed = await last("open");
    expect(Math.abs(resumed.round!.endsAt! - resumed.serverTime - (paused.round!.remainingMs + 30_000))).toBeLessThan(1000);

    await must(host, "round:extend", { roundId: round.id, seconds: 60 });
    await expect.poll(() => changes.at(-1)?.round?.endsAt).not.toBe(resumed.round!.endsAt);
    expect(Math.abs(changes.at(-1)!.round!.endsAt! - resumed.round!.endsAt! - 60_000)).toBeLessThan(50);
    const extended = changes.at(-1)!.round!;
    expect((await snapshotOf<HostView>(host)).debate.round).toMatchObject({ status: "open", endsAt: extended.endsAt });

    await must(host, "round:end", { roundId: round.id });
    const ended = await last("closed");
    expect(ended.plan[0]).toMatchObject({ status: "closed", roundId: round.id });
    expect((await roundRow(round.id)).status).toBe("closed");
  });

  it("does not close a paused round at its deadline; resumed, it closes when what was left runs out", { timeout: 60_000 }, async () => {
    const session = await debateOf(10);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const { Sam } = await seatStudents(server, host, session.code, { [SIDES.commentators]: ["Sam"] }, open);
    const changes = received(Sam.socket, "round:changed");
    const round = await startRound(host, 0);
    await sleep(2000);
    await must(host, "round:pause", { roundId: round.id });
    await sleep(round.endsAt! - Date.now() + 1500);
    expect(await roundRow(round.id)).toMatchObject({ status: "paused", endsAt: null });
    const left = (await roundRow(round.id)).remainingMs;
    expect(left).toBeGreaterThan(6500);
    expect(left).toBeLessThan(8500);

    await must(host, "round:resume", { roundId: round.id });
    await expect.poll(() => changes.at(-1)?.round?.status).toBe("open");
    const deadline = changes.at(-1)!.round!.endsAt!;
    await expect.poll(() => changes.at(-1)?.round?.status, { timeout: left + 3000 }).toBe("closed");
    expect(Math.abs((await roundRow(round.id)).closedAt!.getTime() - deadline)).toBeLessThan(1500);
  });

  it("keeps a round's deadline across a server restart and still closes it then", { timeout: 90_000 }, async () => {
    const storage = await durableDatabase(backend);
    const secret = "r".repeat(40);
    let restarted: TestServer | undefined;
    try {
      const first = await startServer(backend, { database: storage.options, secret });
      const me = await signUpTeacher(first.url, "Ms Restart");
      const session = await startSession(first.url, me.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 20 }]);
      const host = await connect(first.url, { role: "host", sessionId: session.id }, me.cookie);
      const { Sam } = await seatStudents(first, host, session.code, { [SIDES.rgc]: ["Sam"] });
      const round = await startRound(host, 0);
      await speak(Sam, round.id, "Said before the restart.");
      await sleep(2000);
      host.close();
      Sam.socket.close();
      await first.close();
      await sleep(2000);

      restarted = await startServer(backend, { database: storage.options, secret });
      const again = await connect(restarted.url, { role: "host", sessionId: session.id }, me.cookie);
      const student = await connect(restarted.url, { role: "participant", token: Sam.token });
      const changes = received(student, "round:changed");
      const view = await snapshotOf<HostView>(again);
      expect(view.debate.round).toMatchObject({ id: round.id, status: "open" });
      expect(Math.abs(view.debate.round!.endsAt! - round.endsAt!)).toBeLessThan(1000);
      // What is left is what was left before, less the time the server was down.
      expect(Math.abs(view.debate.round!.endsAt! - view.serverTime - (round.endsAt! - Date.now()))).toBeLessThan(1000);
      expect(view.debate.arguments.map((a) => a.body)).toEqual(["Said before the restart."]);

      await expect.poll(() => changes.at(-1)?.round?.status, { timeout: round.endsAt! - Date.now() + 3000, interval: 200 }).toBe("closed");
      const row = await roundRow(round.id, restarted.database.db);
      expect(row.status).toBe("closed");
      expect(Math.abs(row.closedAt!.getTime() - round.endsAt!)).toBeLessThan(1500);
      again.close();
      student.close();
    } finally {
      await restarted?.close();
      await storage.drop();
    }
  });
});
