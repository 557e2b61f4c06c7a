// A real database outage on PostgreSQL: a TCP proxy between the server and PostgreSQL is cut
// (connections dropped, new ones refused) and restored. Pages and joins answer 503 with a plain
// explanation, socket commands answer `unavailable`, every socket is told, the log holds no
// secrets, and everything recovers without a restart.
//
// PostgreSQL only: embedded PGlite runs inside the server's own process and cannot become
// unreachable, so there is no outage to test there (and none is faked).
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, nextEvent, postForm, refusal, send, signUpTeacher, startSession, type ClientSocket } from "../support/clients";
import { startServer, type TestServer } from "../support/server";
import { hashToken } from "../../server/hashToken";
import { startTcpProxy, throughProxy, type TcpProxy } from "../support/tcpProxy";

const admin = process.env.TEST_DATABASE_URL;
if (!admin) console.log("outage.test.ts: skipped, it needs PostgreSQL (TEST_DATABASE_URL); PGlite cannot become unreachable.");

const EXPLANATION = "The server cannot reach its database. Try again in a moment.";

describe.runIf(admin)("a database outage on PostgreSQL", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let teacher: { cookie: string; email: string };
  let session: { id: string; code: string };
  let student: { token: string; socket: ClientSocket };
  let host: ClientSocket;
  const logged: string[] = [];
  const secrets: string[] = [];

  /** Waits until the server answers pages again (its probe runs every 2 s). */
  async function back() {
    await proxy.restore();
    for (let i = 0; i < 50 && (await fetch(`${server.url}/join`)).status === 503; i++) await new Promise((r) => setTimeout(r, 200));
  }

  beforeAll(async () => {
    const target = new URL(admin!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    server = await startServer("postgres", {
      databaseUrl: throughProxy(proxy),
    });
    teacher = await signUpTeacher(server.url);
    session = await startSession(server.url, teacher.cookie);
    const seat = await server.rostrum.live.joinSession(session.code, "Dara");
    student = { token: seat.token, socket: await connect(server.url, { role: "participant", token: seat.token }) };
    host = await connect(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    secrets.push(teacher.email, seat.token, hashToken(seat.token));
    for (const level of ["log", "error", "warn", "info"] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    student?.socket.close();
    host?.close();
    await proxy?.close();
    await server?.close();
  });

  it("answers 503 to the form that finds the outage, and to pages and joins while it lasts, then recovers", async () => {
    const told = nextEvent(host, "database:status", (s) => !s.reachable);
    await proxy.cut();
    const email = "new-teacher@school.example";
    const password = "a-secret-passphrase";
    secrets.push(email, password);
    // The first request to need the database finds it gone: a 503 with the explanation, not a 500.
    const signup = await postForm(`${server.url}/signup`, { name: "Ms New", email, password });
    expect(signup.status).toBe(503);
    expect(await signup.text()).toContain(EXPLANATION);
    expect(await told).toEqual({ reachable: false, message: EXPLANATION });

    const page = await fetch(`${server.url}/teacher`, { headers: { cookie: teacher.cookie } });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain(EXPLANATION);
    const join = await postForm(`${server.url}/join`, { code: session.code, name: "Sokha" });
    expect(join.status).toBe(503);
    expect(await join.text()).toContain(EXPLANATION);
    // A socket that connects meanwhile is refused with a code the browser retries on.
    expect(await refusal(server.url, { role: "participant", token: student.token })).toEqual({ message: EXPLANATION, code: "unavailable" });

    const recovered = nextEvent(host, "database:status", (s) => s.reachable);
    await back();
    expect(await recovered).toEqual({ reachable: true });
    expect((await fetch(`${server.url}/teacher`, { headers: { cookie: teacher.cookie } })).status).toBe(200);
    expect((await postForm(`${server.url}/join`, { code: session.code, name: "Sokha" })).status).toBe(302);
    expect((await send(host, "session:snapshot", {})).ok).toBe(true);
  });

  it("answers `unavailable` to a socket command that finds the outage and tells every socket", async () => {
    const toStudent = nextEvent(student.socket, "database:status", (s) => !s.reachable);
    const toHost = nextEvent(host, "database:status", (s) => !s.reachable);
    await proxy.cut();
    expect(await send(student.socket, "session:snapshot", {})).toEqual({ ok: false, error: { code: "unavailable", message: EXPLANATION } });
    expect(await toStudent).toEqual({ reachable: false, message: EXPLANATION });
    await toHost;
    expect((await fetch(`${server.url}/join?code=${session.code}`)).status).toBe(503);

    const recovered = nextEvent(student.socket, "database:status", (s) => s.reachable);
    await back();
    expect(await recovered).toEqual({ reachable: true });
    expect((await send(student.socket, "session:snapshot", {})).ok).toBe(true);
  });

  it("tells a socket the database's state as it connects", async () => {
    const socket: ClientSocket = io(server.url, { auth: { role: "participant", token: student.token }, transports: ["websocket"], reconnection: false, forceNew: true });
    const status = await new Promise((resolve) => {
      socket.once("database:status", resolve);
      setTimeout(() => resolve("nothing within 5 s"), 5000);
    });
    socket.close();
    expect(status).toEqual({ reachable: true });
  });

  it("closes a round whose deadline passed during the outage once the database is back", { timeout: 40_000 }, async () => {
    const timed = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [{ index: 2, seconds: 10 }]);
    const console_ = await connect(server.url, { role: "host", sessionId: timed.id }, teacher.cookie);
    try {
      expect((await send(console_, "round:start", { index: 0 })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 7000));
      await proxy.cut();
      // The deadline passes while nothing can be written.
      await new Promise((r) => setTimeout(r, 5000));
      await back();
      await expect.poll(async () => (await server.rostrum.live.hostView(timed.id)).debate.round?.status, { timeout: 10_000, interval: 250 }).toBe("closed");
    } finally {
      console_.close();
    }
  });

  it("logged the outage without parameters, tokens, hashes or emails", () => {
    const log = logged.join("\n");
    expect(log).toMatch(/database: unreachable/);
    expect(log).toMatch(/database: reachable again/);
    expect(log).not.toContain("params");
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
