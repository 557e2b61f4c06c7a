// The teacher's list of sessions as a browser without JavaScript gets it: every session of theirs,
// live and past, with its status in words, when it started and ended, how many students are
// seated, and links to its console, review and deletion; never another teacher's.
// Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { page, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

/** The table row that shows join code `code`, as HTML. */
const rowOf = (html: string, code: string) => html.match(new RegExp(`<tr>(?:(?!</tr>).)*${code}(?:(?!</tr>).)*</tr>`, "s"))?.[0] ?? "";
const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => m[1].replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "").trim());

describe.each(backends)("the teacher's sessions on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("lists every session, live and past, with status, dates, students seated and links", { timeout: 60_000 }, async () => {
    const teacher = await signUpTeacher(server.url, "Ms List");
    const other = await signUpTeacher(server.url, "Mr Hidden");
    const lobby = await startSession(server.url, teacher.cookie);
    const live = await startSession(server.url, teacher.cookie);
    const ended = await startSession(server.url, teacher.cookie);
    const theirs = await startSession(server.url, other.cookie);

    const { live: engine } = server.rostrum;
    for (const name of ["Ana", "Ben", "Chea"]) await engine.joinSession(lobby.code, name);
    const removed = await engine.joinSession(live.code, "Dara");
    await engine.joinSession(live.code, "Eng");
    const liveHost = await open(server.url, { role: "host", sessionId: live.id }, teacher.cookie);
    await must(liveHost, "lobby:removeParticipant", { participantId: removed.participant.id });
    await must(liveHost, "round:start", { index: 0 });
    const endedHost = await open(server.url, { role: "host", sessionId: ended.id }, teacher.cookie);
    await must(endedHost, "session:end", {});

    const { status, html } = await page(server.url, "/teacher", teacher.cookie);
    expect(status).toBe(200);
    expect(html).toMatch(/<caption[^>]*>Your sessions, newest first<\/caption>/);
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).not.toContain(theirs.code);
    expect(html).not.toContain('role="status"');
    // Newest first.
    expect(html.indexOf(ended.code)).toBeLessThan(html.indexOf(live.code));
    expect(html.indexOf(live.code)).toBeLessThan(html.indexOf(lobby.code));

    const title = "Conditioned engagement";
    const [lobbyRow, liveRow, endedRow] = [lobby, live, ended].map((s) => rowOf(html, s.code));
    // Scenario, links, status, started, ended, students seated (active seats only), code.
    expect(cells(lobbyRow).slice(2)).toEqual(["Lobby open", expect.any(String), "Not ended", "3", lobby.code]);
    expect(cells(liveRow).slice(2)).toEqual(["Live", expect.any(String), "Not ended", "1", live.code]);
    expect(cells(endedRow).slice(2)).toEqual(["Ended", expect.any(String), expect.stringMatching(/\d{4}/), "0", ended.code]);
    for (const [row, s] of [[lobbyRow, lobby], [liveRow, live], [endedRow, ended]] as const) {
      expect(row).toMatch(new RegExp(`<th scope="row">${title}`, "i"));
      expect(row).toMatch(/<time dateTime="[^"]+"/);
      expect(row).toContain(`href="/teacher/sessions/${s.id}"`);
      expect(row).toContain(`href="/teacher/sessions/${s.id}/review"`);
      expect(row).toContain(`href="/teacher/sessions/${s.id}/delete?from=list"`);
      expect(cells(row)[1]).toBe(`Console for session ${s.code}Review for session ${s.code}Delete… for session ${s.code}`);
    }
    // The console links to the same confirmation.
    expect((await page(server.url, `/teacher/sessions/${live.id}`, teacher.cookie)).html).toMatch(
      new RegExp(`<a[^>]*href="/teacher/sessions/${live.id}/delete"[^>]*>Delete session…</a>`),
    );
  });
});
