// What every client→server event gets from the server's one entry point (server/realtime):
// an unknown event, a payload its schema refuses, a role that may not send it, and an event
// without an acknowledgement, over real sockets, and the same on many sockets at once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { send, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("socket events on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Sokha");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const hostOf = (sessionId: string) => open(server.url, { role: "host", sessionId }, teacher.cookie);
  const asStudent = async (code: string, name: string) => {
    const { token } = await server.rostrum.live.joinSession(code, name);
    return open(server.url, { role: "participant", token });
  };
  const locked = async (sessionId: string) => (await server.database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0].sidesLocked;
  /** Sends any event name and payload, as a hand-made client could. */
  const raw = (socket: ClientSocket, event: string, payload: unknown) => send(socket, event as never, payload as never);

  it("answers an event the server does not know with `invalid`, naming it", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    expect(await raw(host, "lobby:explode", {})).toEqual({ ok: false, error: { code: "invalid", message: "There is no event called “lobby:explode”." } });
    // A name inherited by every object is no event either.
    expect(await raw(host, "constructor", {})).toMatchObject({ ok: false, error: { code: "invalid" } });
  });

  it("answers a payload its schema refuses with `invalid` and what is wrong, and runs nothing", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    expect(await raw(host, "lobby:lockSides", { locked: "yes" })).toEqual({
      ok: false,
      error: { code: "invalid", message: expect.stringMatching(/^Invalid lobby:lockSides: locked: /) },
    });
    expect(await locked(session.id)).toBe(false);
  });

  it("answers an event sent with an acknowledgement but no payload, or with extra arguments, by its schema", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const bare = host as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    expect(await bare.emitWithAck("lobby:lockSides")).toMatchObject({ ok: false, error: { code: "invalid", message: expect.stringMatching(/^Invalid lobby:lockSides/) } });
    expect(await bare.emitWithAck("lobby:lockSides", { locked: "yes" }, "extra")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await locked(session.id)).toBe(false);
  });

  it("answers a command the socket's role may not send with `forbidden`, whatever its payload", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const student = await asStudent(session.code, "Dara");
    const forbidden = { ok: false, error: { code: "forbidden", message: "You are not allowed to do that in this session." } };
    expect(await send(student, "lobby:lockSides", { locked: true })).toEqual(forbidden);
    // The payload is checked first: a malformed one is `invalid` for anyone.
    expect(await raw(student, "lobby:lockSides", {})).toMatchObject({ ok: false, error: { code: "invalid" } });
    const host = await hostOf(session.id);
    expect(await raw(host, "poll:vote", { pollId: session.id, choices: [0] })).toEqual(forbidden);
    expect(await locked(session.id)).toBe(false);
  });

  it("does not run a command sent without an acknowledgement", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    (host as unknown as { emit(event: string, payload: unknown): void }).emit("lobby:lockSides", { locked: true });
    // Events of one socket are handled in order: once a later one is answered, the first was seen.
    const view = await send(host, "session:snapshot", {});
    expect(view.ok && (view.data as HostView).session.sidesLocked).toBe(false);
    expect(await locked(session.id)).toBe(false);
    expect((await send(host, "lobby:lockSides", { locked: true })).ok).toBe(true);
    expect(await locked(session.id)).toBe(true);
  });

  it("answers each of many sockets with its own identity's view", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const names = Array.from({ length: 12 }, (_, i) => `Student ${i + 1}`);
    const students = await Promise.all(names.map((name) => asStudent(session.code, name)));
    const views = await Promise.all(students.map((socket) => send(socket, "session:snapshot", {})));
    expect(views.map((v) => v.ok && (v.data as ParticipantView).me.name)).toEqual(names);
  });
});
