// The lobby over real sockets: joining, seats that survive reconnects, sides, locks, removal,
// and the walls between roles and sessions. Runs on PGlite, and on PostgreSQL when configured.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Server } from "socket.io";
import { loadBundledContent } from "../../content/load";
import { participants, sessions } from "../../db/schema";
import { createLive } from "../../server/live";
import { createScenarioLibrary } from "../../server/live/scenarios";
import { VIEW_PACE } from "../../server/live/publish/publisher";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { cookiesOf, nextEvent, postForm, refusal, send, signUpTeacher, startSession, type ClientSocket, socketsToClose, closedBy } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("lobby on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url);
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const join = (code: string, name: string) => server.rostrum.live.joinSession(code, name);
  const asStudent = async (code: string, name: string) => {
    const { token, participant } = await join(code, name);
    return { token, id: participant.id, socket: await open(server.url, { role: "participant", token }) };
  };
  const hostOf = (sessionId: string, cookie = teacher.cookie) => open(server.url, { role: "host", sessionId }, cookie);
  const snapshot = async <V>(socket: ClientSocket) => {
    const result = await send(socket, "session:snapshot", {});
    if (!result.ok) throw new Error(result.error.message);
    return result.data as V;
  };
  const rowsOf = (sessionId: string) => server.database.db.select().from(participants).where(eq(participants.sessionId, sessionId));
  const versionOf = async (sessionId: string) =>
    (await server.database.db.select({ v: sessions.version }).from(sessions).where(eq(sessions.id, sessionId)))[0].v;

  it("shows a joining student to the teacher live, and gives the student a lobby view", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const seen = nextEvent(host, "host:view", (v) => v.participants.some((p) => p.name === "Dara"));
    const student = await asStudent(session.code.toLowerCase(), "  Dara ");
    const hostView = await seen;
    expect(hostView.participants).toEqual([expect.objectContaining({ name: "Dara", sideId: null })]);
    const mine = await snapshot<ParticipantView>(student.socket);
    expect(mine.me.name).toBe("Dara");
    expect(mine.side).toBeNull();
    expect(mine.session.motion).toMatch(/democratic reforms/);
  });

  it("refuses a name already used in the session, whatever its case or spacing", async () => {
    const session = await startSession(server.url, teacher.cookie);
    await join(session.code, "Sokha Chan");
    await expect(join(session.code, "sokha   CHAN")).rejects.toMatchObject({ code: "name_taken" });
    await expect(join(session.code, "")).rejects.toMatchObject({ code: "invalid", field: "name" });
    await expect(join(session.code, "x".repeat(31))).rejects.toMatchObject({ code: "invalid", field: "name" });
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("finds a browser's seat from its cookie, so page scripts never hold the token", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const other = await startSession(server.url, teacher.cookie);
    const joined = await postForm(`${server.url}/join`, { code: session.code, name: "Cookie" });
    const seat = cookiesOf(joined);
    const socket = await open(server.url, { role: "participant", sessionId: session.id }, seat);
    expect((await snapshot<ParticipantView>(socket)).me.name).toBe("Cookie");
    expect(await refusal(server.url, { role: "participant", sessionId: session.id })).toMatchObject({ code: "not_found" });
    expect(await refusal(server.url, { role: "participant", sessionId: other.id }, seat)).toMatchObject({ code: "not_found" });
  });

  it("keeps the seat and side across a reconnect", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const student = await asStudent(session.code, "Vanna");
    expect((await send(host, "lobby:moveParticipant", { participantId: student.id, sideId: "cnrp" })).ok).toBe(true);
    student.socket.close();
    const again = await open(server.url, { role: "participant", token: student.token });
    const view = await snapshot<ParticipantView>(again);
    expect(view.me.id).toBe(student.id);
    expect(view.side?.id).toBe("cnrp");
  });

  it("auto-balances into even sides, stably, and each student sees only their own side's cards", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const students = [];
    for (const name of ["A1", "B2", "C3", "D4", "E5", "F6"]) students.push(await asStudent(session.code, name));
    const sideViews = students.map((s) => nextEvent(s.socket, "participant:view", (v) => v.side !== null));
    const result = await send(host, "lobby:autoBalance", {});
    expect(result).toEqual({ ok: true, data: { moved: 6 } });
    const views = await Promise.all(sideViews);
    const sizes = new Map<string, number>();
    for (const v of views) sizes.set(v.side!.id, (sizes.get(v.side!.id) ?? 0) + 1);
    expect([...sizes.values()].sort()).toEqual([1, 1, 2, 2]);
    expect(await send(host, "lobby:autoBalance", {})).toEqual({ ok: true, data: { moved: 0 } });

    const scenario = await server.rostrum.live.scenarios.latest("conditioned-engagement");
    for (const view of views) {
      const own = new Set(scenario!.content.sides.find((s) => s.id === view.side!.id)!.cards);
      expect(view.side!.cards.map((c) => c.id).every((id) => own.has(id))).toBe(true);
      expect(view.side!.cards.length).toBe(own.size);
      expect(view.side!.brief.talkingPoints.length).toBeGreaterThanOrEqual(3);
      // Nothing of another side's private brief or cards reaches this student.
      const text = JSON.stringify(view);
      for (const other of scenario!.content.sides.filter((s) => s.id !== view.side!.id)) {
        expect(text).not.toContain(other.brief.talkingPoints[0]);
        for (const card of other.cards.filter((c) => !own.has(c))) expect(text).not.toContain(`"id":"${card}"`);
      }
    }
  });

  it("locks sides: unassigned students are seated, late joiners go to the smallest side, rebalancing waits", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const a = await asStudent(session.code, "Lock A");
    await send(host, "lobby:moveParticipant", { participantId: a.id, sideId: "rgc-cpp" });
    await asStudent(session.code, "Lock B");
    expect((await send(host, "lobby:lockSides", { locked: true })).ok).toBe(true);
    let rows = await rowsOf(session.id);
    expect(rows.every((r) => r.sideId)).toBe(true);
    expect(rows.find((r) => r.displayName === "Lock B")!.sideId).toBe("cnrp");

    const late = await join(session.code, "Late C");
    expect(late.participant.sideId).toBe("us-state-department");
    expect(await send(host, "lobby:autoBalance", {})).toMatchObject({ ok: false, error: { code: "closed" } });
    expect(await send(host, "lobby:moveParticipant", { participantId: a.id, sideId: null })).toMatchObject({ ok: false, error: { code: "closed" } });
    const view = await snapshot<HostView>(host);
    expect(view.session.sidesLocked).toBe(true);
    rows = await rowsOf(session.id);
    expect(rows.find((r) => r.id === a.id)!.sideId).toBe("rgc-cpp");
  });

  it("seats a late joiner after a restart, when no scenario is cached yet", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    expect((await send(host, "lobby:lockSides", { locked: true })).ok).toBe(true);
    // What a restarted server has: the same database, an empty scenario cache.
    const { sources } = await loadBundledContent();
    const restarted = createLive({ db: server.database.db, io: new Server(), scenarios: createScenarioLibrary(server.database.db, sources), secret: "s".repeat(32) });
    try {
      const { participant } = await restarted.joinSession(session.code, "After Restart");
      expect(participant.sideId).toBe("rgc-cpp");
    } finally {
      restarted.close();
    }
  });

  it("removes a student: they are told, disconnected, and cannot come back with the same token", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const student = await asStudent(session.code, "Gone");
    const told = nextEvent(student.socket, "participant:view", (v) => v.me.removed);
    const closed = closedBy(student.socket);
    expect((await send(host, "lobby:removeParticipant", { participantId: student.id })).ok).toBe(true);
    expect((await told).side).toBeNull();
    expect(await closed).toBe("io server disconnect");
    expect(await refusal(server.url, { role: "participant", token: student.token })).toEqual({
      code: "forbidden",
      message: "The teacher removed you from this session.",
    });
    expect((await snapshot<HostView>(host)).participants).toHaveLength(0);
  });

  it("does not let a student run teacher commands", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const student = await asStudent(session.code, "Sneaky");
    const before = await versionOf(session.id);
    for (const [event, payload] of [
      ["lobby:autoBalance", {}],
      ["lobby:lockSides", { locked: true }],
      ["lobby:moveParticipant", { participantId: student.id, sideId: "cnrp" }],
      ["lobby:removeParticipant", { participantId: student.id }],
      ["session:end", {}],
    ] as const) {
      expect(await send(student.socket, event, payload as never)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    // A student cannot open a teacher's view either: there is no teacher cookie behind them.
    expect(await refusal(server.url, { role: "host", sessionId: session.id })).toMatchObject({ code: "forbidden" });
    expect(await refusal(server.url, { role: "projector", sessionId: session.id })).toMatchObject({ code: "forbidden" });
    expect(await versionOf(session.id)).toBe(before);
    expect((await rowsOf(session.id))[0]).toMatchObject({ sideId: null, removedAt: null });
  });

  it("keeps sessions apart: no teacher or student reaches into another session", async () => {
    const mine = await startSession(server.url, teacher.cookie);
    const other = await signUpTeacher(server.url, "Mr Other");
    const theirs = await startSession(server.url, other.cookie);
    const theirStudent = await join(theirs.code, "Theirs");
    // Another teacher's session id in the handshake: refused as if it did not exist.
    expect(await refusal(server.url, { role: "host", sessionId: theirs.id }, teacher.cookie)).toMatchObject({ code: "not_found" });
    // My console cannot move or remove their student.
    const host = await hostOf(mine.id);
    expect(await send(host, "lobby:moveParticipant", { participantId: theirStudent.participant.id, sideId: "cnrp" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await send(host, "lobby:removeParticipant", { participantId: theirStudent.participant.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect((await rowsOf(theirs.id))[0]).toMatchObject({ sideId: null, removedAt: null });
    // Their student's token only ever opens their own seat and session.
    const s = await open(server.url, { role: "participant", token: theirStudent.token });
    expect((await snapshot<ParticipantView>(s)).session.code).toBe(theirs.code);
  });

  it("answers malformed payloads with `invalid` and changes nothing", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const { participant } = await join(session.code, "Intact");
    const before = await versionOf(session.id);
    const bad: [string, unknown][] = [
      ["lobby:moveParticipant", { participantId: "not-an-id", sideId: "cnrp" }],
      ["lobby:moveParticipant", { participantId: participant.id }],
      ["lobby:moveParticipant", { participantId: participant.id, sideId: 42 }],
      ["lobby:lockSides", { locked: "yes" }],
      ["lobby:lockSides", { locked: true, extra: 1 }],
      ["lobby:removeParticipant", "everyone"],
      ["lobby:autoBalance", { all: true }],
    ];
    for (const [event, payload] of bad) {
      const answer = await send(host, event as never, payload as never);
      expect(answer, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
    expect(await send(host, "lobby:moveParticipant", { participantId: participant.id, sideId: "no-such-side" })).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
    expect(await versionOf(session.id)).toBe(before);
    expect((await rowsOf(session.id))[0]).toMatchObject({ sideId: null, removedAt: null });
    expect(await refusal(server.url, { role: "participant", token: "short" } as never)).toMatchObject({ code: "invalid" });
    expect(await refusal(server.url, { role: "participant", token: "x".repeat(32) })).toMatchObject({ code: "not_found" });
  });

  it("refuses joins to an unknown code, a full session and an ended one", async () => {
    await expect(join("0OI1L!", "Ana")).rejects.toMatchObject({ code: "invalid", field: "code" });
    await expect(join("ZZZZZZ", "Ana")).rejects.toMatchObject({ code: "not_found", field: "code" });
    const small = await startSession(server.url, teacher.cookie, "conditioned-engagement", 2);
    await join(small.code, "One");
    await join(small.code, "Two");
    await expect(join(small.code, "Three")).rejects.toMatchObject({ code: "full" });
    const host = await hostOf(small.id);
    expect((await send(host, "session:end", {})).ok).toBe(true);
    await expect(join(small.code, "Four")).rejects.toMatchObject({ code: "closed" });
    expect(await rowsOf(small.id)).toHaveLength(2);
  });

  it("counts only active seats: a removal frees a place in a full session, and a late joiner fills the side it left smallest", async () => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 4);
    const host = await hostOf(session.id);
    const seated = [];
    for (const name of ["Count A", "Count B", "Count C"]) seated.push(await join(session.code, name));
    expect((await send(host, "lobby:lockSides", { locked: true })).ok).toBe(true);
    // Locking seats the three on the first three sides, one each; the fourth joins the fourth.
    const fourth = await join(session.code, "Count D");
    expect(fourth.participant.sideId).toBe("engagement-commentators");
    await expect(join(session.code, "Count E")).rejects.toMatchObject({ code: "full", message: "This session is full. Ask your teacher to make room." });
    const [removed] = (await rowsOf(session.id)).filter((r) => r.displayName === "Count B");
    expect((await send(host, "lobby:removeParticipant", { participantId: removed.id })).ok).toBe(true);
    // Count B's place and side are free again, and so is the name.
    const late = await join(session.code, "Count B");
    expect(late.participant.sideId).toBe(removed.sideId);
    await expect(join(session.code, "Count F")).rejects.toMatchObject({ code: "full" });
    expect((await rowsOf(session.id)).filter((r) => r.removedAt === null)).toHaveLength(4);
  });

  it("shows a join at once when the class is quiet again after a wave of joins", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    let seated = 0;
    host.on("host:view", (view) => (seated = view.participants.length));
    await Promise.all(Array.from({ length: 40 }, (_, i) => join(session.code, `Wave ${i + 1}`)));
    // Once the wave's last view is sent, the pace waits at most VIEW_PACE.maxMs: then the class is quiet.
    await expect.poll(() => seated, { timeout: 5000 }).toBe(40);
    await new Promise((r) => setTimeout(r, VIEW_PACE.maxMs + 200));
    const seen = nextEvent(host, "host:view", (v) => v.participants.some((p) => p.name === "After Wave"));
    const asked = Date.now();
    await join(session.code, "After Wave");
    expect((await seen).participants).toHaveLength(41);
    expect(Date.now() - asked).toBeLessThan(1000);
  });

  it("seats one of two students asking for the same name at the same instant, and tells the other it is taken", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const answers = await Promise.allSettled([join(session.code, "Twin Name"), join(session.code, "twin  name")]);
    expect(answers.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = answers.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "name_taken", field: "name" });
    expect(refused.reason.message).toMatch(/already called “(Twin Name|twin name)”/);
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("limits how fast one socket can send events", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const student = await asStudent(session.code, "Spammer");
    const answers = await Promise.all(Array.from({ length: 25 }, () => send(student.socket, "session:snapshot", {})));
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(10);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: "rate_limited" } });
  });
});
