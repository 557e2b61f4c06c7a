// Deleting a session: the teacher confirms on a page, and every row of the session goes from
// every table, while other sessions (the same teacher's and another's) keep every row, a vote
// cast in another class meanwhile included. Another teacher and a student cannot delete it; open
// consoles, projectors and phones on it are told and closed, and cannot connect again.
// Runs on PGlite, and on PostgreSQL when configured.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teachers } from "../../db/schema";
import { queryRows } from "../../server/live/hotpath/rows";
import type { ServerToClientEvents } from "../../server/realtime/events";
import { closedBy, cookiesOf, nextEvent, page, postForm, refusal, send, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { must } from "../support/debate";
import { countsOf, recordsOf, rowsLeftOf, sessionWithRecords, type SessionWithRecords } from "../support/records";
import { backends, startServer, type TestServer } from "../support/server";

const DELETED = "This session was deleted by its teacher.";

describe.each(backends)("deleting a session on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string; id: string };
  let other: { cookie: string; id: string };
  const { open, closeAll } = socketsToClose();

  const signUp = async (name: string) => {
    const { email, cookie } = await signUpTeacher(server.url, name);
    const [row] = await server.database.db.select().from(teachers).where(eq(teachers.email, email));
    return { cookie, id: row.id };
  };
  const deleteByForm = (sessionId: string, cookie?: string) => postForm(`${server.url}/teacher/sessions/${sessionId}/delete`, {}, cookie);
  const records = (sessionId: string) => recordsOf(server.database.db, sessionId);
  const counts = async (sessionId: string) => countsOf(await records(sessionId));
  /** The notice a socket is sent before the server closes it, and why it closed. */
  const closing = (socket: ClientSocket) =>
    Promise.all([nextEvent(socket, "connection:closed") as Promise<Parameters<ServerToClientEvents["connection:closed"]>[0]>, closedBy(socket)]);

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUp("Ms Delete");
    other = await signUp("Mr Other");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("deletes every row of the session from every table, and nothing of any other session", { timeout: 120_000 }, async () => {
    const doomed: SessionWithRecords = await sessionWithRecords(server, teacher.cookie, open);
    const kept = await sessionWithRecords(server, teacher.cookie, open);
    const theirs = await sessionWithRecords(server, other.cookie, open);
    const before = await records(doomed.id);
    // Every table holds some of the session's records, so "gone" below means something.
    for (const [table, n] of Object.entries(countsOf(before))) expect(n, table).toBeGreaterThan(0);
    const [keptBefore, theirsBefore] = [await counts(kept.id), await counts(theirs.id)];

    // The confirmation page says what goes.
    const confirm = await page(server.url, `/teacher/sessions/${doomed.id}/delete`, teacher.cookie);
    expect(confirm.status).toBe(200);
    for (const text of ["Delete this session?", doomed.code, "Live", "3 students", "4 arguments", "3 votes", "1 quiz answer", "This cannot be undone.", "Delete permanently"])
      expect(confirm.html, text).toContain(text);
    expect(confirm.html).toContain(`href="/teacher/sessions/${doomed.id}"`);

    // Open consoles, projectors and phones on the session are told, then closed.
    const sockets = [doomed.host, doomed.projector, doomed.seats.Rani.socket];
    const closings = sockets.map(closing);

    // A vote already on its way in this session (the gate is loaded, so it joins a batch at once),
    // and one in another class at the same moment.
    await must(doomed.seats.Chan.socket, "poll:vote", { pollId: doomed.pollId, choices: [2] });
    const inFlight = server.rostrum.live.castPollVote({ participantId: doomed.seats.Ubon.id, sessionId: doomed.id }, { pollId: doomed.pollId, choices: [0] });
    const elsewhere = send(kept.seats.Ubon.socket, "poll:vote", { pollId: kept.pollId, choices: [2] });
    const deleted = await deleteByForm(doomed.id, teacher.cookie);
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/teacher?deleted=1");
    // Stored before the deletion (and deleted with it), never left waiting or stored after.
    expect(await inFlight).toBeNull();
    expect(await elsewhere).toEqual({ ok: true, data: null });

    for (const [notice, reason] of await Promise.all(closings)) {
      expect(notice.message).toBe(DELETED);
      expect(reason).toBe("io server disconnect");
    }
    const left = await rowsLeftOf(server.database.db, before);
    for (const [table, rows] of Object.entries(left)) expect(rows, table).toEqual([]);
    expect(await counts(kept.id)).toEqual({ ...keptBefore, pollVotes: keptBefore.pollVotes + 1 });
    expect(await counts(theirs.id)).toEqual(theirsBefore);
    // Closed in the same moment as the deleted session's: the other sessions' sockets stay open.
    expect([kept.host, kept.seats.Ubon.socket, theirs.host, theirs.seats.Rani.socket].map((s) => s.connected)).toEqual([true, true, true, true]);

    // Nothing connects to it again: the console, the projector, a phone.
    expect(await refusal(server.url, { role: "host", sessionId: doomed.id }, teacher.cookie)).toEqual({ code: "not_found", message: "This session does not exist." });
    expect(await refusal(server.url, { role: "projector", sessionId: doomed.id }, teacher.cookie)).toEqual({ code: "not_found", message: "This session does not exist." });
    expect(await refusal(server.url, { role: "participant", token: doomed.seats.Rani.token })).toMatchObject({ code: "not_found" });
    // Its pages are gone, its code joins nothing, and the list says so politely.
    expect((await page(server.url, `/teacher/sessions/${doomed.id}`, teacher.cookie)).status).toBe(404);
    expect((await page(server.url, `/teacher/sessions/${doomed.id}/delete`, teacher.cookie)).status).toBe(404);
    expect((await deleteByForm(doomed.id, teacher.cookie)).status).toBe(404);
    await expect(server.rostrum.live.joinSession(doomed.code, "Late")).rejects.toMatchObject({ code: "not_found" });
    const list = await page(server.url, "/teacher?deleted=1", teacher.cookie);
    expect(list.html).toMatch(/<p[^>]*role="status"[^>]*>The session was deleted/);
    expect(list.html).not.toContain(doomed.code);
    expect(list.html).toContain(kept.code);
  });

  it("has an index on every column a session's deletion cascades through, so it never scans a whole table per row", async () => {
    // Teachers are never deleted: the cascades from them (ballots' judge, logins) are not followed.
    const unindexed = await queryRows<{ name: string }>(
      server.database.db,
      sql`select c.conrelid::regclass::text || '.' || a.attname as name
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confdeltype = 'c' and cardinality(c.conkey) = 1 and c.confrelid <> 'teachers'::regclass
            and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1] and i.indpred is null)
          order by 1`,
    );
    expect(unindexed.map((r) => r.name)).toEqual([]);
  });

  it("refuses another teacher (404, not_found) and a student, and deletes nothing", { timeout: 60_000 }, async () => {
    const session = await sessionWithRecords(server, teacher.cookie, open);
    // A student's browser carries a seat cookie, not a login.
    const seatCookie = cookiesOf(await postForm(`${server.url}/join`, { code: session.code, name: "Sneaky" }));
    expect(seatCookie).toMatch(/=/);
    const before = await records(session.id);

    expect((await page(server.url, `/teacher/sessions/${session.id}/delete`, other.cookie)).status).toBe(404);
    expect((await deleteByForm(session.id, other.cookie)).status).toBe(404);
    await expect(server.rostrum.live.deleteSession(other.id, session.id)).rejects.toMatchObject({ code: "not_found", message: "This session does not exist." });
    await expect(server.rostrum.live.deleteSession(teacher.id, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    expect((await page(server.url, `/teacher/sessions/not-a-session/delete`, teacher.cookie)).status).toBe(404);

    // The student is sent to log in, as is a browser with no cookie.
    const byStudent = await deleteByForm(session.id, seatCookie);
    expect(byStudent.status).toBe(302);
    expect(byStudent.headers.get("location")).toMatch(/^\/login\?next=/);
    expect((await deleteByForm(session.id)).status).toBe(302);

    expect(await records(session.id)).toEqual(before);
    expect((await send(session.host, "session:snapshot", {})).ok).toBe(true);
  });

  it("deletes a session in the lobby and an ended one", { timeout: 60_000 }, async () => {
    const lobby = await startSession(server.url, teacher.cookie);
    const waiting = await server.rostrum.live.joinSession(lobby.code, "Early");
    await server.rostrum.live.deleteSession(teacher.id, lobby.id);
    expect(countsOf(await records(lobby.id))).toMatchObject({ sessions: 0, participants: 0 });
    expect(await refusal(server.url, { role: "participant", token: waiting.token })).toMatchObject({ code: "not_found" });

    const ended = await sessionWithRecords(server, teacher.cookie, open);
    await must(ended.host, "session:end", {});
    const before = await records(ended.id);
    const confirm = await page(server.url, `/teacher/sessions/${ended.id}/delete?from=list`, teacher.cookie);
    expect(confirm.html).toContain("Ended");
    expect(confirm.html).toContain('href="/teacher"');
    const closed = closing(ended.seats.Chan.socket);
    expect((await deleteByForm(ended.id, teacher.cookie)).status).toBe(302);
    expect((await closed)[0].message).toBe(DELETED);
    for (const [table, rows] of Object.entries(await rowsLeftOf(server.database.db, before))) expect(rows, table).toEqual([]);
  });
});
