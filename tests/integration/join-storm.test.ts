// The start of a big class: 300 students behind one school address join one session in the same
// moment, each as a browser does (the join page, the form posted with its join id, the student
// page with the seat cookie). None is refused and every one is seated; the session's capacity,
// not a rate limit, stops the 301st. Runs on PGlite, and on PostgreSQL when configured.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../db/schema";
import { VIEW_PACE } from "../../server/live/publish/publisher";
import type { HostView } from "../../server/live/views/types";
import { studentName } from "../support/classroom";
import { signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { snapshotOf } from "../support/debate";
import { rawCookiesOf, rawRequest } from "../support/http";
import { backends, startServer, type TestServer } from "../support/server";

const CLASS = 300;
// Each loopback address is another client; limiters live as long as the process, so each
// backend's run joins from an address of its own.
const school = { pglite: "127.0.0.7", postgres: "127.0.0.8" };

describe.each(backends)("a join storm on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();
  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Storm");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  /** When each join was answered. */
  const joined: number[] = [];

  /** One student's phone: the join page, the form it holds, then the page the answer leads to. */
  async function joinAsBrowser(code: string, name: string) {
    const form = await rawRequest(`${server.url}/join?code=${code}`, { localAddress: school[backend] });
    const joinId = form.text.match(/name="joinId" value="([0-9a-f-]{36})"/)?.[1];
    if (form.status !== 200 || !joinId) return { step: "form", status: form.status, text: form.text.slice(0, 300) };
    const posted = await rawRequest(`${server.url}/join`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ joinId, code, name }).toString(),
      localAddress: school[backend],
    });
    if (posted.status !== 302 || posted.headers.location !== `/play/${code}`) return { step: "post", status: posted.status, text: posted.text };
    joined.push(Date.now());
    const play = await rawRequest(`${server.url}${posted.headers.location}`, { headers: { cookie: rawCookiesOf(posted) }, localAddress: school[backend] });
    return { step: "play", status: play.status, text: play.status === 200 ? "" : play.text.slice(0, 300) };
  }

  it("seats 300 students joining at once from one address, and refuses the 301st only because the session is full", { timeout: 60_000 }, async () => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", CLASS);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const views: { at: number; seated: number; kb: number; view: HostView }[] = [];
    host.on("host:view", (view) => views.push({ at: Date.now(), seated: view.participants.length, kb: JSON.stringify(view).length / 1024, view }));
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: CLASS }, (_, i) => joinAsBrowser(session.code, studentName(i))));
    const seconds = (Date.now() - started) / 1000;
    expect(answers.filter((a) => a.step !== "play" || a.status !== 200)).toEqual([]);
    expect(seconds).toBeLessThan(30);

    const seats = await server.database.db
      .select({ name: participants.displayName })
      .from(participants)
      .where(and(eq(participants.sessionId, session.id), isNull(participants.removedAt)));
    expect(seats.map((s) => s.name).sort()).toEqual(Array.from({ length: CLASS }, (_, i) => studentName(i)));
    const fresh = await snapshotOf<HostView>(host);
    expect(fresh.participants).toHaveLength(CLASS);
    // The teacher's view followed the joins, coalesced and paced: once the last join is answered,
    // at most the view on its way, one that started before the last join committed and the one
    // after it, never a backlog of one per interval the storm lasted; the last one is the whole
    // class, exactly as stored.
    await expect.poll(() => views.at(-1)?.seated, { timeout: 5000 }).toBe(CLASS);
    await new Promise((r) => setTimeout(r, VIEW_PACE.maxMs + 500));
    const lastJoin = Math.max(...joined);
    expect(views.filter((v) => v.at > lastJoin).length).toBeLessThanOrEqual(3);
    expect(views.at(-1)!.view.participants).toEqual(fresh.participants);
    // Paced by size: the console was sent no more than the pace allows over the storm (plus the
    // view under way), not a growing roster per join.
    const storm = (views.at(-1)!.at - started) / 1000;
    const sentKb = views.reduce((sum, v) => sum + v.kb, 0);
    expect(sentKb).toBeLessThanOrEqual((VIEW_PACE.bytesPerSecond / 1024) * storm + 2 * views.at(-1)!.kb);

    const oneMore = await joinAsBrowser(session.code, "One Too Many");
    expect(oneMore).toMatchObject({ step: "post", status: 200 });
    expect(oneMore.text).toContain("This session is full");
  });
});
