// Teacher logins are server-side rows: logging out (here or everywhere) revokes the cookie for
// pages and sockets at once, closes the host and projector sockets it opened, and an expired
// login opens nothing. Real server, real HTTP and sockets, PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginSessions, teachers } from "../../db/schema";
import { cookiesOf, nextEvent, postForm, refusal, signUpTeacher, startSession, socketsToClose, page as pageOf, closedBy } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("teacher logins on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const page = (path: string, cookie?: string) => pageOf(server.url, path, cookie);
  const loginsOf = async (email: string) => {
    const [teacher] = await server.database.db.select().from(teachers).where(eq(teachers.email, email));
    return server.database.db.select().from(loginSessions).where(eq(loginSessions.teacherId, teacher.id));
  };
  /** A second browser: logs in afresh and gets its own cookie. */
  const logInElsewhere = async (email: string) => {
    const res = await postForm(`${server.url}/login`, { email, password: "a-long-passphrase" });
    expect(res.status).toBe(302);
    return cookiesOf(res);
  };
  const locked = { status: 302, location: "/login?next=%2Fteacher" };

  it("refuses the old cookie after logout, on pages and on sockets", async () => {
    const { email, cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    const out = await postForm(`${server.url}/logout`, {}, cookie);
    expect(out.status).toBe(302);
    // The browser would drop the cookie; someone who copied it keeps sending it.
    expect(await page("/teacher", cookie)).toMatchObject(locked);
    expect((await page(`/teacher/sessions/${session.id}`, cookie)).status).toBe(302);
    expect(await refusal(server.url, { role: "host", sessionId: session.id }, cookie)).toMatchObject({ code: "forbidden" });
    expect(await refusal(server.url, { role: "projector", sessionId: session.id }, cookie)).toMatchObject({ code: "forbidden" });
    expect(await loginsOf(email)).toHaveLength(0);
  });

  it("disconnects the host and projector sockets of a login when it logs out, and no other login's", async () => {
    const { email, cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    const other = await logInElsewhere(email);
    const host = await open(server.url, { role: "host", sessionId: session.id }, cookie);
    const projector = await open(server.url, { role: "projector", sessionId: session.id }, cookie);
    const elsewhere = await open(server.url, { role: "host", sessionId: session.id }, other);
    const closed = Promise.all([closedBy(host), closedBy(projector)]);
    const told = nextEvent(host, "connection:closed");
    await postForm(`${server.url}/logout`, {}, cookie);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    // The console says why it closed.
    expect((await told).message).toMatch(/logged out/);
    expect(elsewhere.connected).toBe(true);
    expect((await page("/teacher", other)).status).toBe(200);
  });

  it("logs out everywhere from another browser: every login's pages and sockets close", async () => {
    const { email, cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    const laptop = await logInElsewhere(email);
    const bystander = await signUpTeacher(server.url, "Mr Bystander");
    const host = await open(server.url, { role: "host", sessionId: session.id }, cookie);
    const projector = await open(server.url, { role: "projector", sessionId: session.id }, laptop);
    const closed = Promise.all([closedBy(host), closedBy(projector)]);
    // The control is on the teacher's page.
    expect((await page("/teacher", laptop)).html).toContain("Log out everywhere");
    const out = await postForm(`${server.url}/logout`, { scope: "everywhere" }, laptop);
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join()).toMatch(/rostrum_teacher=;/);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    expect(await loginsOf(email)).toHaveLength(0);
    expect(await page("/teacher", cookie)).toMatchObject(locked);
    expect(await page("/teacher", laptop)).toMatchObject(locked);
    expect(await refusal(server.url, { role: "host", sessionId: session.id }, cookie)).toMatchObject({ code: "forbidden" });
    // Another teacher is not touched.
    expect((await page("/teacher", bystander.cookie)).status).toBe(200);
  });

  it("opens nothing with an expired login", async () => {
    const { email, cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    const [login] = await loginsOf(email);
    await server.database.db
      .update(loginSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(loginSessions.id, login.id));
    expect(await page("/teacher", cookie)).toMatchObject(locked);
    expect(await page("/login", cookie)).toMatchObject({ status: 200 });
    expect(await refusal(server.url, { role: "host", sessionId: session.id }, cookie)).toMatchObject({ code: "forbidden" });
  });
});
