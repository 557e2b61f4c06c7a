// One client flooding the server must not starve everyone else: limits follow who a socket is
// (a seat, a teacher), a seat has few sockets, and the database work students start is bounded,
// so a teacher in another class is still answered quickly. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, send, signUpTeacher, startSession, type ClientSocket } from "../support/clients";
import { rawCookiesOf, rawRequest } from "../support/http";
import { percentile, runLoadScript } from "../support/process";
import { backends, startServer, type TestServer } from "../support/server";

type FloodResult = { connected: number; refused: number; sent: number; answers: Record<string, number>; disconnected: number };

type FloodPlan = { url: string; tokens: string[]; socketsPerToken: number; perSecond: number; seconds: number; event: string };
const flood = (plan: FloodPlan) => runLoadScript<FloodResult>("flood.ts", plan);

describe.each(backends)("fairness under a flood on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it("keeps at most three sockets per seat, closing the oldest", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const { token } = await server.rostrum.live.joinSession(session.code, "Many Tabs");
    const opened: ClientSocket[] = [];
    const notices: string[] = [];
    for (let i = 0; i < 5; i++) {
      opened.push(await connect(server.url, { role: "participant", token }));
      opened[i].on("connection:closed", ({ message }) => notices.push(`${i}: ${message}`));
      sockets.push(opened[i]);
    }
    await expect.poll(() => opened.map((s) => s.connected)).toEqual([false, false, true, true, true]);
    // The closed tabs are told why, so the student is not left guessing.
    expect(notices).toEqual([0, 1].map((i) => expect.stringMatching(new RegExp(`^${i}: This seat was opened in another tab`))));
  });

  it("shares one event budget among all the sockets of a seat", async () => {
    const session = await startSession(server.url, teacher.cookie);
    const { token } = await server.rostrum.live.joinSession(session.code, "Two Tabs");
    const [a, b] = [await connect(server.url, { role: "participant", token }), await connect(server.url, { role: "participant", token })];
    sockets.push(a, b);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? a : b, "lobby:autoBalance", {})));
    // Each socket alone stays under 10 a second; together they pass it.
    expect(answers.filter((x) => !x.ok && x.error.code === "rate_limited").length).toBeGreaterThan(0);
  });

  it("answers a teacher in another session quickly while 300 sockets flood", { timeout: 90_000 }, async () => {
    const crowded = await startSession(server.url, teacher.cookie, "conditioned-engagement", 300);
    const tokens: string[] = [];
    for (let i = 0; i < 100; i++) tokens.push((await server.rostrum.live.joinSession(crowded.code, `Flooder ${i}`)).token);
    const other = await signUpTeacher(server.url, "Mr Elsewhere");
    const calm = await startSession(server.url, other.cookie);
    const host = await connect(server.url, { role: "host", sessionId: calm.id }, other.cookie);
    sockets.push(host);

    // 300 sockets (3 per seat), each sending 9 snapshot requests a second, as the attack did.
    const attack = flood({ url: server.url, tokens, socketsPerToken: 3, perSecond: 9, seconds: 8, event: "session:snapshot" });
    await attack.ready;
    await new Promise((r) => setTimeout(r, 1000));
    const commands: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      const answer = await send(host, "lobby:lockSides", { locked: i % 2 === 0 });
      commands.push(performance.now() - started);
      expect(answer.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Fresh connections: a pooled keep-alive one may be closed by the server just as it is reused.
    let started = performance.now();
    const page = await rawRequest(`${server.url}/teacher/sessions/${calm.id}`, { headers: { cookie: other.cookie } });
    const pageMs = performance.now() - started;
    expect(page.status).toBe(200);
    started = performance.now();
    const joined = await rawRequest(`${server.url}/join`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: calm.code, name: "Real Student" }).toString(),
    });
    const joinMs = performance.now() - started;
    expect(joined.status).toBe(302);
    expect(rawCookiesOf(joined)).toContain("rostrum_seats");
    const result = await attack.done;

    const figures = { p50: percentile(commands, 50), p99: percentile(commands, 99), pageMs, joinMs };
    console.log(`[${backend}] teacher command while flooded: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms; console page ${pageMs.toFixed(0)} ms; join ${joinMs.toFixed(0)} ms; flood ${JSON.stringify(result)}`);
    expect(result.connected).toBe(300);
    // Generous bounds for a busy 2-core machine running other test files at once (before the fix
    // p99 reached the 5 s timeout); the closing note reports the real figures on a quiet one.
    expect(figures.p99).toBeLessThan(3000);
    expect(pageMs).toBeLessThan(3000);
    expect(joinMs).toBeLessThan(3000);
    // The flood was answered, not silently dropped: refusals carry a code.
    expect(result.answers.rate_limited).toBeGreaterThan(0);
  });
});
