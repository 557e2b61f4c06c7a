// The lobby's rules over real sockets and form posts: an ended session takes no more commands,
// and names cannot pass for someone else, show nothing or offend; the teacher can rename.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, sessions } from "../../db/schema";
import type { HostView, ParticipantView, ProjectorView } from "../../server/live/views/types";
import { nextEvent, postForm, send, signUpTeacher, startSession, socketsToClose } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("lobby rules on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Chanthy");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const hostOf = (sessionId: string) => open(server.url, { role: "host", sessionId }, teacher.cookie);
  const asStudent = async (code: string, name: string) => {
    const { token, participant } = await server.rostrum.live.joinSession(code, name);
    return { id: participant.id, socket: await open(server.url, { role: "participant", token }) };
  };
  const rowsOf = (sessionId: string) => server.database.db.select().from(participants).where(eq(participants.sessionId, sessionId));
  const sessionRow = async (sessionId: string) => (await server.database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0];
  const joinPage = async (code: string, name: string) => {
    const res = await postForm(`${server.url}/join`, { code, name });
    return { status: res.status, html: await res.text() };
  };

  it("answers every command on an ended session with `closed` and changes nothing", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const student = await asStudent(session.code, "Stays");
    const { request } = await server.rostrum.live.requestRejoin(await sessionRow(session.id), "Stays");
    expect((await send(host, "session:end", {})).ok).toBe(true);
    const before = await sessionRow(session.id);
    const rowsBefore = await rowsOf(session.id);
    for (const [event, payload] of [
      ["lobby:removeParticipant", { participantId: student.id }],
      ["lobby:moveParticipant", { participantId: student.id, sideId: "cnrp" }],
      ["lobby:renameParticipant", { participantId: student.id, name: "Renamed" }],
      ["lobby:lockSides", { locked: true }],
      ["lobby:autoBalance", {}],
      ["lobby:approveRejoin", { requestId: request.id }],
      ["lobby:refuseRejoin", { requestId: request.id }],
      ["session:end", {}],
    ] as const) {
      expect(await send(host, event, payload as never), event).toMatchObject({ ok: false, error: { code: "closed", message: "This session has ended." } });
    }
    expect(await sessionRow(session.id)).toEqual(before);
    expect(await rowsOf(session.id)).toEqual(rowsBefore);
  });

  it("refuses names that show nothing, pass for the teacher or the app, or offend, and says why", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const cases: [string, string][] = [
      ["\u3164", "Please type a name."],
      ["\u200B\u2800", "That name shows nothing on screen."],
      ["Ａdmin", "Students cannot use the name “Admin”."],
      ["Teacher", "Students cannot use the name “Teacher”."],
      ["ms. chanthy", "Students cannot use the name “ms. chanthy”."],
      ["sh1t", "this one is not suitable for class"],
      // Cyrillic look-alikes: "Теacher" and the teacher's own name "Ms Сhanthy".
      ["\u0422\u0435acher", "mixes letters from different alphabets"],
      ["Ms \u0421hanthy", "mixes letters from different alphabets"],
    ];
    for (const [name, message] of cases) {
      const answer = await joinPage(session.code, name);
      expect(answer.status, name).toBe(200);
      expect(answer.html, name).toContain(message);
    }
    expect(await rowsOf(session.id)).toHaveLength(0);
  });

  it("treats names that differ only by invisible characters or width as the same name", async () => {
    const session = await startSession(server.url, teacher.cookie);
    expect((await joinPage(session.code, "Dara")).status).toBe(302);
    for (const lookalike of ["Dara\u3164", "Da\u200Bra", "Ｄａｒａ"]) {
      const answer = await joinPage(session.code, lookalike);
      expect(answer.status, JSON.stringify(lookalike)).toBe(200);
      expect(answer.html).toContain("Someone in this session is already called");
    }
    expect((await rowsOf(session.id)).map((r) => r.displayName)).toEqual(["Dara"]);
  });

  it("lets the teacher rename a student, under the same rules, and everyone sees it live", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const projector = await open(server.url, { role: "projector", sessionId: session.id }, teacher.cookie);
    const student = await asStudent(session.code, "Sopheap");
    const other = await asStudent(session.code, "Bopha");

    const seen = {
      host: nextEvent(host, "host:view", (v: HostView) => v.participants.some((p) => p.name === "Sophea")),
      projector: nextEvent(projector, "projector:view", (v: ProjectorView) => v.unassigned.includes("Sophea")),
      student: nextEvent(student.socket, "participant:view", (v: ParticipantView) => v.me.name === "Sophea"),
    };
    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: "  Ｓophea " })).toEqual({ ok: true, data: { name: "Sophea" } });
    await Promise.all(Object.values(seen));

    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: "bopha\u3164" })).toMatchObject({
      ok: false,
      error: { code: "name_taken", field: "name" },
    });
    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: "Teacher" })).toMatchObject({
      ok: false,
      error: { code: "invalid", message: expect.stringContaining("Students cannot use the name") },
    });
    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: "\u3164" })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: 42 } as never)).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await send(other.socket, "lobby:renameParticipant", { participantId: other.id, name: "Boss" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Renaming oneself to the same name in another case is fine; the key is one's own.
    expect(await send(host, "lobby:renameParticipant", { participantId: student.id, name: "SOPHEA" })).toEqual({ ok: true, data: { name: "SOPHEA" } });
    expect((await rowsOf(session.id)).map((r) => r.displayName).sort()).toEqual(["Bopha", "SOPHEA"]);
    // The old name is free again.
    expect((await joinPage(session.code, "Sopheap")).status).toBe(302);
  });
});
