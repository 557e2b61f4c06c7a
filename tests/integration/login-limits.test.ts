// Password guessing stays slow, but guesses made by others behind the same school address
// cannot lock out a teacher whose browser has logged in before (OWASP's device cookie).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, signUpTeacher } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

const PASSWORD = "a-long-passphrase";
/** The trusted-device cookie alone, as a browser keeps it after logging out. */
const deviceOf = (cookie: string) =>
  cookie
    .split("; ")
    .filter((c) => c.startsWith("rostrum_device="))
    .join("; ");

// The server sits behind a "proxy", so each test comes from its own school address and the
// address limits of one test do not reach the next.
describe.each(backends)("login limits with trusted devices on %s", (backend) => {
  let server: TestServer;
  let schools = 0;
  beforeAll(async () => {
    server = await startServer(backend, { trustProxy: true });
  });
  afterAll(async () => server?.close());

  /** A school's shared address: log in from it, with or without a browser's cookies. */
  const school = () => {
    const address = `203.0.113.${++schools}`;
    const post = (email: string, password: string, cookie?: string) =>
      fetch(`${server.url}/login`, {
        method: "POST",
        body: new URLSearchParams({ email, password }),
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address, ...(cookie ? { cookie } : {}) },
      });
    const logIn = async (email: string, password: string, cookie?: string) => {
      const res = await post(email, password, cookie);
      return res.status === 302 ? "in" : (await res.text()).includes("Too many attempts") ? "too many" : "refused";
    };
    /** `count` wrong guesses sent at once (each is counted before its slow check, so this is the same as one by one). */
    const guess = (email: string, count: number, cookie?: string) =>
      Promise.all(Array.from({ length: count }, (_, i) => logIn(email, `wrong-guess-${i}`, cookie)));
    return { post, logIn, guess };
  };

  it("lets a teacher with a trusted device in while others' guesses fill the address's limits", async () => {
    const { logIn, guess } = school();
    const teacher = await signUpTeacher(server.url);
    const colleague = await signUpTeacher(server.url);
    const device = deviceOf(teacher.cookie);
    // Someone at the same school address guesses the teacher's password.
    expect(await guess(teacher.email, 10)).toEqual(Array(10).fill("refused"));
    // Guessing stays slow: from a browser without the device cookie, even the password waits.
    expect(await logIn(teacher.email, PASSWORD)).toBe("too many");
    expect(await logIn(teacher.email, PASSWORD, device)).toBe("in");
    // 100 guesses fill the address's own limit (past the first ten, refused before any check).
    await guess("someone@school.example", 100);
    expect(await logIn(colleague.email, PASSWORD)).toBe("too many");
    expect(await logIn(teacher.email, PASSWORD, device)).toBe("in");
    expect(await logIn(colleague.email, PASSWORD, deviceOf(colleague.cookie))).toBe("in");
  });

  it("limits guesses sent with a device cookie per device cookie, and gives a fresh one at each login", async () => {
    const { post, logIn, guess } = school();
    const teacher = await signUpTeacher(server.url);
    const device = deviceOf(teacher.cookie);
    expect(await guess(teacher.email, 10, device)).toEqual(Array(10).fill("refused"));
    expect(await logIn(teacher.email, PASSWORD, device)).toBe("too many");
    // Those guesses were not counted against the address: a browser without the cookie may still log in.
    const res = await post(teacher.email, PASSWORD);
    expect(res.status).toBe(302);
    const fresh = deviceOf(cookiesOf(res));
    expect(fresh).not.toBe("");
    expect(fresh).not.toBe(device);
    expect(await logIn(teacher.email, PASSWORD, fresh)).toBe("in");
  });

  it("treats a forged device cookie, or another teacher's, as no device cookie", async () => {
    const { logIn, guess } = school();
    const teacher = await signUpTeacher(server.url);
    const other = await signUpTeacher(server.url);
    const device = deviceOf(teacher.cookie);
    await guess(teacher.email, 10);
    expect(await logIn(teacher.email, PASSWORD, deviceOf(other.cookie))).toBe("too many");
    const [name, value] = device.split("=");
    const forged = `${name}=${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
    expect(await logIn(teacher.email, PASSWORD, forged)).toBe("too many");
    expect(await logIn(teacher.email, PASSWORD, device)).toBe("in");
  });
});
