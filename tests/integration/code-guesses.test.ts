// Join codes cannot be guessed at speed: every answer that tells whether a code exists goes
// through one limiter of failed codes per client address, while a whole class behind one school
// address joins a real session without ever being refused.
import { GUESSES } from "../../app/lib/codeGuesses.server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../db/schema";
import { signUpTeacher, startSession } from "../support/clients";
import { rawCookiesOf, rawRequest } from "../support/http";
import { backends, startServer, type TestServer } from "../support/server";

// Each loopback address is another client to the server; the limiter lives as long as the
// process, so each backend's run guesses from its own addresses.
const addresses = { pglite: ["127.0.0.2", "127.0.0.3"], postgres: ["127.0.0.4", "127.0.0.5"] };

describe.each(backends)("join code guesses on %s", (backend) => {
  let server: TestServer;
  let cookie: string;
  const [guesser, school] = addresses[backend];
  beforeAll(async () => {
    server = await startServer(backend);
    ({ cookie } = await signUpTeacher(server.url));
  });
  afterAll(async () => server?.close());

  const join = (code: string, name: string, from: string) =>
    rawRequest(`${server.url}/join`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code, name }).toString(),
      localAddress: from,
    });
  const play = (code: string, from: string) => rawRequest(`${server.url}/play/${code}`, { localAddress: from });

  it("lets a whole class behind one address join, mistyped codes and all", async () => {
    const { code } = await startSession(server.url, cookie, "conditioned-engagement", 150);
    // 125 students (more than a per-address join limit of 120 let in) share the school's
    // address; the first 60 mistype the code once. They arrive 25 at a time.
    for (let batch = 0; batch < 5; batch++) {
      const students = Array.from({ length: 25 }, (_, i) => batch * 25 + i);
      const answers = await Promise.all(
        students.map(async (i) => {
          const wrong = i < 60 ? await join("ZZZZZZ", `Student ${i}`, school) : undefined;
          return { wrong, right: await join(code, `Student ${i}`, school) };
        }),
      );
      for (const { wrong, right } of answers) {
        if (wrong) expect(wrong.text).toContain("There is no session with that code");
        expect(right.status, right.text.slice(0, 300)).toBe(302);
      }
    }
    expect((await server.database.db.select().from(participants)).length).toBe(125);
  });

  it("blocks an address that keeps guessing, on every path, before looking the code up", async () => {
    const { code } = await startSession(server.url, cookie);
    // Unknown and malformed codes, on both paths, 40 at a time: each is counted before it is
    // answered, so a burst gets no more answers than the limit.
    const statuses: number[] = [];
    const letters = "ABCDEFGHJKMNPQRSTUVWXYZ";
    for (let batch = 0; batch < GUESSES.points / 40 + 1; batch++) {
      const guesses = Array.from({ length: 40 }, (_, i) =>
        i % 2 ? play(`ZZZ${letters[Math.floor(batch / 23) % 23]}${letters[batch % 23]}${letters[i % 23]}`, guesser) : join(`no-${i}`, "Guesser", guesser),
      );
      statuses.push(...(await Promise.all(guesses)).map((answer) => answer.status));
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(GUESSES.points);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect(statuses.filter((s) => s !== 429 && s !== 404 && s !== 200)).toEqual([]);
    // Blocked, even the real code tells nothing, on both paths, with a readable message.
    const viaPlay = await play(code, guesser);
    expect(viaPlay.status).toBe(429);
    expect(viaPlay.text).toContain("Too many wrong codes");
    // A student's review asks the same limiter on its way to the join form.
    expect((await rawRequest(`${server.url}/play/${code}/review`, { localAddress: guesser })).status).toBe(429);
    const viaJoin = await join(code, "Real Name", guesser);
    expect(viaJoin.status).toBe(429);
    expect(viaJoin.text).toContain("Too many wrong codes");
    // Another address is not affected.
    expect((await play(code, school)).status).toBe(302);
  });

  it("never locks a seated student out of their own page, whatever others at their address guess", async () => {
    const { code } = await startSession(server.url, cookie);
    const joined = await join(code, "Seated", school);
    expect(joined.status).toBe(302);
    const seat = rawCookiesOf(joined);
    // The guesser's address is blocked by now (the test above); the student now shares it.
    expect((await play("ZZZZZZ", guesser)).status).toBe(429);
    const own = await rawRequest(`${server.url}/play/${code}`, { localAddress: guesser, headers: { cookie: seat } });
    expect(own.status).toBe(200);
    expect(own.text).toContain("Seated");
    const review = await rawRequest(`${server.url}/play/${code}/review`, { localAddress: guesser, headers: { cookie: seat } });
    expect(review.status).toBe(200);
    expect(review.text).toContain("Your review");
  });

  it("never turns a device waiting to rejoin into a code guess, though its page looks every few seconds", async () => {
    const { code } = await startSession(server.url, cookie);
    expect((await join(code, "Sokha", school)).status).toBe(302);
    // A new phone asks to be let back into Sokha's seat.
    const asked = await rawRequest(`${server.url}/rejoin/${code}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Sokha" }).toString(),
      localAddress: school,
    });
    expect(asked.status).toBe(302);
    const waiting = rawCookiesOf(asked);
    // From the blocked address, its waiting page still answers.
    expect((await play("ZZZZZZ", guesser)).status).toBe(429);
    const page = await rawRequest(`${server.url}/rejoin/${code}`, { localAddress: guesser, headers: { cookie: waiting } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Waiting for your teacher");
  });
});
