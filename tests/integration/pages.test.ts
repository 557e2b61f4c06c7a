// The pages as a browser without JavaScript uses them: forms post, the server answers with a
// redirect or the same page with messages. Checks what a person would see and what is stored.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, teachers } from "../../db/schema";
import { cookiesOf, postForm, signUpTeacher, startSession, page as pageOf } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("pages on %s", (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(async () => server?.close());

  const page = (path: string, cookie?: string) => pageOf(server.url, path, cookie);
  const teacherCount = async () => (await server.database.db.select().from(teachers)).length;

  it("signs a teacher up, out and in again with an httpOnly, SameSite=Lax cookie", async () => {
    const res = await postForm(`${server.url}/signup`, { name: "Ms Sophea", email: " Sophea@School.example ", password: "a-long-passphrase" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/teacher");
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/rostrum_teacher=.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = cookiesOf(res);
    expect((await page("/teacher", cookie)).html).toContain("Scenario library");

    const out = await postForm(`${server.url}/logout`, {}, cookie);
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join()).toMatch(/rostrum_teacher=;.*Expires=Thu, 01 Jan 1970/);

    const wrong = await postForm(`${server.url}/login`, { email: "sophea@school.example", password: "not-the-password" });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("That email and password do not match an account.");
    const right = await postForm(`${server.url}/login`, { email: "SOPHEA@school.example", password: "a-long-passphrase", next: "/teacher" });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/teacher");
  });

  it("explains weak input and a taken email on the form, and stores nothing", async () => {
    const before = await teacherCount();
    const weak = await postForm(`${server.url}/signup`, { name: "", email: "not-an-email", password: "short" });
    const html = await weak.text();
    expect(weak.status).toBe(200);
    expect(html).toContain("Please enter your name.");
    expect(html).toContain("Please enter a valid email address.");
    expect(html).toContain("Use at least 10 characters.");
    expect(html).toContain('aria-invalid="true"');
    const guessable = await postForm(`${server.url}/signup`, { name: "A", email: "a@school.example", password: "aaaaaaaaaaaa" });
    expect(await guessable.text()).toContain("too easy to guess");
    const { email } = await signUpTeacher(server.url);
    const taken = await postForm(`${server.url}/signup`, { name: "Copy", email: email.toUpperCase(), password: "another-passphrase" });
    expect(await taken.text()).toContain("An account with this email already exists.");
    expect(await teacherCount()).toBe(before + 1);
  });

  it("slows password guessing on one account without locking out anyone else", async () => {
    const target = await signUpTeacher(server.url);
    const bystander = await signUpTeacher(server.url);
    for (let i = 0; i < 10; i++) await postForm(`${server.url}/login`, { email: target.email, password: `guess-${i}-wrong` });
    const blocked = await postForm(`${server.url}/login`, { email: target.email, password: "a-long-passphrase" });
    expect(await blocked.text()).toContain("Too many attempts");
    const other = await postForm(`${server.url}/login`, { email: bystander.email, password: "a-long-passphrase" });
    expect(other.status).toBe(302);
    // Guesses sent all at once are counted before they are checked.
    const burst = await Promise.all(
      Array.from({ length: 15 }, (_, i) => postForm(`${server.url}/login`, { email: bystander.email, password: `burst-${i}` }).then((r) => r.text())),
    );
    expect(burst.filter((html) => html.includes("do not match an account")).length).toBeLessThanOrEqual(10);
    expect(burst.some((html) => html.includes("Too many attempts"))).toBe(true);
  });

  it("keeps teacher pages behind the login, and one teacher out of another's session", async () => {
    expect(await page("/teacher")).toMatchObject({ status: 302, location: "/login?next=%2Fteacher" });
    const a = await signUpTeacher(server.url);
    const b = await signUpTeacher(server.url);
    const session = await startSession(server.url, a.cookie);
    expect((await page(`/teacher/sessions/${session.id}`, a.cookie)).html).toContain(session.code);
    expect((await page(`/teacher/sessions/${session.id}`, b.cookie)).status).toBe(404);
    expect((await page(`/projector/${session.id}`, b.cookie)).status).toBe(404);
    expect((await page(`/projector/${session.id}`)).status).toBe(302);
  });

  it("shows the join code, join URL and QR code on the console and the projector", async () => {
    const { cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    for (const path of [`/teacher/sessions/${session.id}`, `/projector/${session.id}`]) {
      const { html } = await page(path, cookie);
      expect(html).toContain(session.code);
      expect(html).toMatch(new RegExp(`https?://[^"<]+/join/${session.code}`));
      expect(html).toMatch(/<svg[^>]*viewBox/);
      expect(html).toContain("QR code for");
    }
  });

  it("joins a student through the form, seats them by cookie, and sends them back to their seat", async () => {
    const { cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    expect(await page(`/join/${session.code}`)).toMatchObject({ status: 302, location: `/join?code=${session.code}` });
    expect((await page(`/join?code=${session.code}`)).html).toContain(`value="${session.code}"`);

    const res = await postForm(`${server.url}/join`, { code: session.code.toLowerCase(), name: "Bopha" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/play/${session.code}`);
    expect(res.headers.getSetCookie().join()).toMatch(/rostrum_seats=.*HttpOnly.*SameSite=Lax/);
    const seat = cookiesOf(res);
    const play = await page(`/play/${session.code}`, seat);
    expect(play.status).toBe(200);
    expect(play.html).toContain("Bopha");
    expect(play.html).toContain("You are in the lobby");
    // Coming back through the QR code, or sending the form twice, goes straight back to the seat.
    expect(await page(`/join?code=${session.code}`, seat)).toMatchObject({ status: 302, location: `/play/${session.code}` });
    const again = await postForm(`${server.url}/join`, { code: session.code, name: "Bopha" }, seat);
    expect([again.status, again.headers.get("location")]).toEqual([302, `/play/${session.code}`]);
    const rows = await server.database.db.select().from(participants).where(eq(participants.sessionId, session.id));
    expect(rows).toHaveLength(1);
    // Without the cookie, the student page sends them to the form.
    expect(await page(`/play/${session.code}`)).toMatchObject({ status: 302, location: `/join?code=${session.code}` });
  });

  it("gives the same seat to a join form sent twice, even when the first answer was lost", async () => {
    const { cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    const form = await page(`/join?code=${session.code}`);
    const joinId = form.html.match(/name="joinId" value="([0-9a-f-]{36})"/)?.[1];
    expect(joinId).toBeDefined();
    const first = await postForm(`${server.url}/join`, { code: session.code, name: "Twice", joinId: joinId! });
    // The browser never stored the first answer's cookie: the second post comes without it.
    const second = await postForm(`${server.url}/join`, { code: session.code, name: "Twice", joinId: joinId! });
    expect([first.status, second.status]).toEqual([302, 302]);
    const rows = await server.database.db.select().from(participants).where(eq(participants.sessionId, session.id));
    expect(rows).toHaveLength(1);
    expect((await page(`/play/${session.code}`, cookiesOf(second))).html).toContain("Twice");
  });

  it("gives clear messages for bad codes and names, and stores nothing", async () => {
    const { cookie } = await signUpTeacher(server.url);
    const session = await startSession(server.url, cookie);
    await postForm(`${server.url}/join`, { code: session.code, name: "Dara" });
    const cases: [Record<string, string>, string][] = [
      [{ code: "ABC", name: "Ana" }, "A join code has 6 letters and digits"],
      [{ code: "ZZZZZZ", name: "Ana" }, "There is no session with that code"],
      [{ code: session.code, name: "  " }, "Please type a name."],
      [{ code: session.code, name: "DARA" }, "is already called “DARA”"],
      [{ code: session.code, name: "y".repeat(31) }, "Names can be at most 30 characters."],
    ];
    for (const [fields, message] of cases) {
      const res = await postForm(`${server.url}/join`, fields);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(message);
    }
    const rows = await server.database.db.select().from(participants).where(eq(participants.sessionId, session.id));
    expect(rows.map((r) => r.displayName)).toEqual(["Dara"]);
    expect((await page("/play/ZZZZZZ")).status).toBe(404);
  });
});

describe("sign-up with TEACHER_SIGNUP_CODE", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer("pglite", { signupCode: "staff-room-42" });
  });
  afterAll(async () => server?.close());

  it("asks for the code and refuses an account without it", async () => {
    expect(await (await fetch(`${server.url}/signup`)).text()).toContain("Sign-up code");
    const fields = { name: "A Student", email: "student@school.example", password: "a-long-passphrase" };
    const refused = await postForm(`${server.url}/signup`, { ...fields, code: "guess" });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("That sign-up code is not right.");
    expect(await server.database.db.select().from(teachers)).toHaveLength(0);
    const accepted = await postForm(`${server.url}/signup`, { ...fields, name: "A Teacher", code: "staff-room-42" });
    expect(accepted.status).toBe(302);
  });
});
