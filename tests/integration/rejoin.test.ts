// Getting back into one's seat: a join form's lost answer never costs the seat, and a student
// on a new device asks to rejoin, which the teacher approves or refuses on the console. Real
// form posts, real sockets, a real database (PGlite, and PostgreSQL when configured).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, rejoinRequests, sessions } from "../../db/schema";
import { PENDING_REJOIN_REQUESTS_PER_SESSION } from "../../server/live/lobby/rejoin";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { cookiesOf, nextEvent, postForm, refusal, send, signUpTeacher, startSession, type ClientSocket, socketsToClose, page as pageOf, closedBy } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("getting back into a seat on %s", (backend) => {
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

  const page = (path: string, cookie?: string) => pageOf(server.url, path, cookie);
  /** The join form as a browser gets it: its code and the joinId the page made. */
  const joinForm = async (code: string, cookie?: string) => {
    const { html } = await page(`/join?code=${code}`, cookie);
    const joinId = html.match(/name="joinId" value="([0-9a-f-]{36})"/)?.[1];
    if (!joinId) throw new Error("no joinId on the join page");
    return { code, joinId };
  };
  const joinByForm = async (code: string, name: string) => {
    const res = await postForm(`${server.url}/join`, { ...(await joinForm(code)), name });
    if (res.status !== 302) throw new Error(`join failed: ${res.status}`);
    return cookiesOf(res);
  };
  const askToRejoin = (code: string, fields: Record<string, string>, cookie?: string) => postForm(`${server.url}/rejoin/${code}`, fields, cookie);
  const hostOf = (sessionId: string) => open(server.url, { role: "host", sessionId }, teacher.cookie);
  const hostSnapshot = async (host: ClientSocket) => {
    const result = await send(host, "session:snapshot", {});
    if (!result.ok) throw new Error(result.error.message);
    return result.data as HostView;
  };
  const rowsOf = (sessionId: string) => server.database.db.select().from(participants).where(eq(participants.sessionId, sessionId));
  const requestsOf = (sessionId: string) => server.database.db.select().from(rejoinRequests).where(eq(rejoinRequests.sessionId, sessionId));
  const versionOf = async (sessionId: string) =>
    (await server.database.db.select({ v: sessions.version }).from(sessions).where(eq(sessions.id, sessionId)))[0].v;

  it("keeps the first answer's cookie working when the same join form is sent again", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const form = await joinForm(session.code);
    const first = await postForm(`${server.url}/join`, { ...form, name: "Kept" });
    // The second answer is lost on the way: the browser keeps only the first one's cookie.
    const second = await postForm(`${server.url}/join`, { ...form, name: "Kept" });
    expect([first.status, second.status]).toEqual([302, 302]);
    const play = await page(`/play/${session.code}`, cookiesOf(first));
    expect(play.status).toBe(200);
    expect(play.html).toContain("Kept");
    const socket = await open(server.url, { role: "participant", sessionId: session.id }, cookiesOf(first));
    expect(((await send(socket, "session:snapshot", {})) as { data: ParticipantView }).data.me.name).toBe("Kept");
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("gives the same seat and cookie to the same form sent twice at the same instant", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const form = await joinForm(session.code);
    const answers = await Promise.all([1, 2].map(() => postForm(`${server.url}/join`, { ...form, name: "Twin" })));
    expect(answers.map((a) => [a.status, a.headers.get("location")])).toEqual([
      [302, `/play/${session.code}`],
      [302, `/play/${session.code}`],
    ]);
    expect(cookiesOf(answers[0])).toBe(cookiesOf(answers[1]));
    for (const answer of answers) expect((await page(`/play/${session.code}`, cookiesOf(answer))).status).toBe(200);
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("gives a form sent again its seat in a full session, where a new student is told the session is full", async () => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 1);
    const form = await joinForm(session.code);
    const first = await postForm(`${server.url}/join`, { ...form, name: "Only One" });
    const again = await postForm(`${server.url}/join`, { ...form, name: "Only One" });
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(cookiesOf(again)).toBe(cookiesOf(first));
    const other = await postForm(`${server.url}/join`, { ...(await joinForm(session.code)), name: "Second" });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain("This session is full. Ask your teacher to make room.");
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("tells a removed student who sends their join form again that they were removed, not that their name is taken", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const form = await joinForm(session.code);
    await postForm(`${server.url}/join`, { ...form, name: "Removed" });
    const host = await hostOf(session.id);
    const [seat] = await rowsOf(session.id);
    expect((await send(host, "lobby:removeParticipant", { participantId: seat.id })).ok).toBe(true);
    const again = await postForm(`${server.url}/join`, { ...form, name: "Removed" });
    const html = await again.text();
    expect(again.status).toBe(200);
    expect(html).toContain("The teacher removed you from this session.");
    expect(html).not.toContain("already called");
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("keeps a removed student out when their browser sends a fresh join form", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const first = await postForm(`${server.url}/join`, { ...(await joinForm(session.code)), name: "Troll" });
    const browser = cookiesOf(first);
    const host = await hostOf(session.id);
    const [seat] = await rowsOf(session.id);
    expect((await send(host, "lobby:removeParticipant", { participantId: seat.id })).ok).toBe(true);
    // The same browser (its seat cookie) opens the join page again and gets a new form.
    const again = await postForm(`${server.url}/join`, { ...(await joinForm(session.code, browser)), name: "Troll" }, browser);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("The teacher removed you from this session.");
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  it("lets a student on a new device ask to rejoin; the teacher lets them back in and the old device is told", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const oldCookie = await joinByForm(session.code, "Sokha");
    const [seat] = await rowsOf(session.id);
    expect((await send(host, "lobby:moveParticipant", { participantId: seat.id, sideId: "cnrp" })).ok).toBe(true);
    const oldSocket = await open(server.url, { role: "participant", sessionId: session.id }, oldCookie);

    // A new phone: the name is taken, and the answer offers to ask the teacher.
    const form = await joinForm(session.code);
    const taken = await postForm(`${server.url}/join`, { ...form, name: "sokha" });
    const takenHtml = await taken.text();
    expect(takenHtml).toContain("is already called “sokha”");
    expect(takenHtml).toContain("This is me: ask the teacher to let me back in");
    expect(takenHtml).toContain(`action="/rejoin/${session.code}"`);

    const asked = nextEvent(host, "host:view", (v) => v.rejoinRequests.length === 1);
    const request = await askToRejoin(session.code, { name: "sokha", joinId: form.joinId });
    expect([request.status, request.headers.get("location")]).toEqual([302, `/rejoin/${session.code}`]);
    const newCookie = cookiesOf(request);
    expect(newCookie).toMatch(/^rostrum_seats=/);
    expect((await asked).rejoinRequests).toEqual([{ id: expect.any(String), participantId: seat.id, name: "Sokha" }]);
    // Sent again (the answer lost): still one request, the same cookie.
    const repeat = await askToRejoin(session.code, { name: "sokha", joinId: form.joinId });
    expect(cookiesOf(repeat)).toBe(newCookie);
    expect(await requestsOf(session.id)).toHaveLength(1);

    const waiting = await page(`/rejoin/${session.code}`, newCookie);
    expect(waiting.status).toBe(200);
    expect(waiting.html).toContain("Waiting for your teacher");
    expect(waiting.html).toContain("You asked to rejoin as “Sokha”");
    // Wandering off to the seat or the join form leads back to the waiting page.
    expect(await page(`/play/${session.code}`, newCookie)).toMatchObject({ status: 302, location: `/join?code=${session.code}` });
    expect(await page(`/join?code=${session.code}`, newCookie)).toMatchObject({ status: 302, location: `/rejoin/${session.code}` });

    const told = nextEvent(oldSocket, "connection:closed");
    const gone = closedBy(oldSocket);
    const { rejoinRequests: pending } = await hostSnapshot(host);
    expect(await send(host, "lobby:approveRejoin", { requestId: pending[0].id })).toEqual({ ok: true, data: null });
    expect((await told).message).toBe("Your seat moved to another device with your teacher's approval.");
    expect(await gone).toBe("io server disconnect");
    expect((await hostSnapshot(host)).rejoinRequests).toEqual([]);

    // The new device is in the seat: same seat, same side, its brief and cards.
    expect(await page(`/rejoin/${session.code}`, newCookie)).toMatchObject({ status: 302, location: `/play/${session.code}` });
    const play = await page(`/play/${session.code}`, newCookie);
    expect(play.status).toBe(200);
    expect(play.html).toContain("Sokha");
    expect(play.html).toContain("Talking points");
    const newSocket = await open(server.url, { role: "participant", sessionId: session.id }, newCookie);
    const view = (await send(newSocket, "session:snapshot", {})) as { ok: true; data: ParticipantView };
    expect(view.data.me.id).toBe(seat.id);
    expect(view.data.side?.id).toBe("cnrp");
    expect(view.data.side?.cards.length).toBeGreaterThan(0);
    // The old device's cookie no longer opens the seat, and its old form cannot take it back.
    expect(await page(`/play/${session.code}`, oldCookie)).toMatchObject({ status: 302 });
    expect(await refusal(server.url, { role: "participant", sessionId: session.id }, oldCookie)).toMatchObject({ code: "not_found" });
    expect(await rowsOf(session.id)).toHaveLength(1);
    expect((await requestsOf(session.id))[0].status).toBe("approved");
  });

  it("tells the asking device when the teacher refuses, and the seat stays where it was", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const ownCookie = await joinByForm(session.code, "Vanna");
    const form = await joinForm(session.code);
    const request = await askToRejoin(session.code, { name: "Vanna", joinId: form.joinId });
    const askingCookie = cookiesOf(request);
    const { rejoinRequests: pending } = await hostSnapshot(host);
    expect(await send(host, "lobby:refuseRejoin", { requestId: pending[0].id })).toEqual({ ok: true, data: null });
    const refused = await page(`/rejoin/${session.code}`, askingCookie);
    expect(refused.html).toContain("Your teacher did not let you back in");
    expect((await page(`/play/${session.code}`, askingCookie)).status).toBe(302);
    expect((await page(`/play/${session.code}`, ownCookie)).status).toBe(200);
    // An answered request cannot be answered again.
    expect(await send(host, "lobby:approveRejoin", { requestId: pending[0].id })).toMatchObject({ ok: false, error: { code: "closed" } });
    expect((await page(`/play/${session.code}`, askingCookie)).status).toBe(302);
  });

  it("bounds requests: one waiting per seat, known names only, a cap per session, none once the session ended", async () => {
    const session = await startSession(server.url, teacher.cookie);
    await joinByForm(session.code, "Dara");
    // A device with a seat of its own cannot trade it for someone else's.
    const seated = await joinByForm(session.code, "Seated");
    const trade = await askToRejoin(session.code, { name: "Dara", joinId: randomUUID() }, seated);
    expect([trade.status, trade.headers.get("location"), trade.headers.getSetCookie()]).toEqual([302, `/play/${session.code}`, []]);
    const first = await askToRejoin(session.code, { name: "Dara", joinId: randomUUID() });
    expect(first.status).toBe(302);
    // Nor can a device already waiting ask for a second seat.
    const twice = await askToRejoin(session.code, { name: "Seated", joinId: randomUUID() }, cookiesOf(first));
    expect([twice.status, twice.headers.get("location")]).toEqual([302, `/rejoin/${session.code}`]);
    const second = await askToRejoin(session.code, { name: "DARA", joinId: randomUUID() });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("Someone already asked to rejoin as “Dara”");
    const unknown = await askToRejoin(session.code, { name: "Nobody", joinId: randomUUID() });
    expect(await unknown.text()).toContain("No one in this session is called “Nobody”");
    expect(await requestsOf(session.id)).toHaveLength(1);

    // The cap counts requests waiting at once: answering one frees its place.
    const live = server.rostrum.live;
    const row = (await server.database.db.select().from(sessions).where(eq(sessions.id, session.id)))[0];
    for (let i = 1; i < PENDING_REJOIN_REQUESTS_PER_SESSION; i++) {
      await live.joinSession(session.code, `Waiting ${i}`);
      await live.requestRejoin(row, `Waiting ${i}`, randomUUID());
    }
    await live.joinSession(session.code, "One Too Many");
    const over = await askToRejoin(session.code, { name: "One Too Many", joinId: randomUUID() });
    expect(await over.text()).toContain("Too many requests to rejoin are waiting");
    expect(await requestsOf(session.id)).toHaveLength(PENDING_REJOIN_REQUESTS_PER_SESSION);
    const [{ id: firstId }] = await requestsOf(session.id);
    await live.refuseRejoin(row.teacherId, session.id, firstId);
    expect((await askToRejoin(session.code, { name: "One Too Many", joinId: randomUUID() })).status).toBe(302);

    const ended = await startSession(server.url, teacher.cookie);
    await joinByForm(ended.code, "Late");
    const waiting = cookiesOf(await askToRejoin(ended.code, { name: "Late", joinId: randomUUID() }));
    const endedHost = await hostOf(ended.id);
    expect((await send(endedHost, "session:end", {})).ok).toBe(true);
    const refused = await askToRejoin(ended.code, { name: "Late", joinId: randomUUID() });
    expect(await refused.text()).toContain("This session has ended.");
    expect(await requestsOf(ended.id)).toHaveLength(1);
    // The device that asked before the end is told, instead of waiting forever.
    expect((await page(`/rejoin/${ended.code}`, waiting)).html).toContain("This session has ended");
  });

  it("lets only the session's teacher answer, with well-formed payloads, and a removed seat's request goes with it", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await hostOf(session.id);
    const studentCookie = await joinByForm(session.code, "Chea");
    const asking = cookiesOf(await askToRejoin(session.code, { name: "Chea", joinId: randomUUID() }));
    const [{ id: requestId, participantId }] = await requestsOf(session.id);
    const student = await open(server.url, { role: "participant", sessionId: session.id }, studentCookie);
    const before = await versionOf(session.id);
    expect(await send(student, "lobby:approveRejoin", { requestId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const other = await signUpTeacher(server.url, "Mr Other");
    const theirs = await startSession(server.url, other.cookie);
    const theirHost = await open(server.url, { role: "host", sessionId: theirs.id }, other.cookie);
    expect(await send(theirHost, "lobby:approveRejoin", { requestId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    for (const payload of [{}, { requestId: "nope" }, { requestId, extra: 1 }])
      expect(await send(host, "lobby:refuseRejoin", payload as never)).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await versionOf(session.id)).toBe(before);
    expect((await requestsOf(session.id))[0].status).toBe("pending");

    expect((await send(host, "lobby:removeParticipant", { participantId })).ok).toBe(true);
    expect((await requestsOf(session.id))[0].status).toBe("refused");
    expect((await hostSnapshot(host)).rejoinRequests).toEqual([]);
    expect((await page(`/rejoin/${session.code}`, asking)).html).toContain("Your teacher did not let you back in");
  });
});
