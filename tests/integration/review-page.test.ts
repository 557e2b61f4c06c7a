// The teacher's review page over a real session: a short debate, polls and a quiz run over real
// sockets, then the page as the teacher's browser gets it (HTML only, no JavaScript): the rounds,
// the speeches, the ballot, the challenge's ruling, the polls, the item analysis and standings
// whose ledgers add up to their totals. With ?names=anonymous no student's name is anywhere in it;
// another teacher gets 404, no one and a student get the login page. PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teachers } from "../../db/schema";
import { cookiesOf, page, postForm, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { loadBundledContent } from "../../content/load";
import { must } from "../support/debate";
import { REVIEW_NAMES, REVIEW_WORDS, runReviewedSession } from "../support/reviewSession";
import { backends, startServer, type TestServer } from "../support/server";

/** Text as a person reads it from the HTML: React escapes quotes and ampersands and marks where text nodes meet. */
const unescape = (html: string) => html.replace(/<!-- -->/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

describe.each(backends)("the teacher's review page on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string; email: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Review");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("shows the whole session as stored, anonymises every name on request, and is the teacher's alone", { timeout: 180_000 }, async () => {
    const { session, plan, host, seats, end } = await runReviewedSession(server, teacher.cookie, open);
    const url = `/teacher/sessions/${session.id}/review`;
    expect((await page(server.url, `/teacher/sessions/${session.id}`, teacher.cookie)).html).toContain(`<a href="${url}">Review and exports</a>`);

    // While the session runs, the review says so and leads back to the console.
    const running = unescape((await page(server.url, url, teacher.cookie)).html);
    expect(running).toContain("▶ Still running");
    expect(running).toContain(`This session is still running`);
    expect(running).toContain(`<a href="/teacher/sessions/${session.id}">go back to the console</a>`);
    // A question still open: marked so, after every closed one, its key worded as the live quiz
    // words it; projected (anonymous) while open, its answer is not on the wall.
    const garment = (await loadBundledContent()).scenarios.find((s) => s.scenario.id === "conditioned-engagement")!.scenario.quiz.find((q) => q.id === "garment-facts")!;
    if (garment.kind !== "multiple") throw new Error("garment-facts is a multiple-select question");
    const { questionId } = await must(host, "quiz:ask", { itemId: garment.id });
    await must(seats[0].socket, "quiz:answer", { questionId, choices: garment.answer.map((a) => garment.options.indexOf(a)) });
    const openPage = unescape((await page(server.url, url, teacher.cookie)).html);
    const key = `${garment.answer[0]}, ${garment.answer[1]} and ${garment.answer[2]}`;
    expect(openPage).toContain("⏳ Still open: answers are still arriving");
    expect(openPage.indexOf(garment.prompt)).toBeGreaterThan(openPage.indexOf("Question 1: Why was opposition leader Sam Rainsy"));
    expect(openPage).toContain(`✓ Answer: ${key}`);
    const projected = unescape((await page(server.url, `${url}?names=anonymous`, teacher.cookie)).html);
    expect(projected).toContain("The answer is shown once the question closes.");
    expect(projected).not.toContain(`✓ Answer: ${key}`);
    await end();

    const named = await page(server.url, url, teacher.cookie);
    expect(named.status).toBe(200);
    // Private: no browser or proxy cache keeps it, the page nor the data a client-side navigation fetches.
    for (const path of [url, `${url}.data`, `${url}?names=anonymous`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: teacher.cookie } });
      expect([res.status, res.headers.get("cache-control")], path).toEqual([200, "no-store"]);
    }
    const html = unescape(named.html);
    expect(html).toContain(`<title>Review: `);
    expect(html).toContain("✓ Ended");
    expect(html).not.toContain("This session is still running");
    for (const p of plan) expect(html).toContain(`Round ${p.index + 1} “${p.title}”`);
    for (const said of [REVIEW_WORDS.speech, REVIEW_WORDS.reply, REVIEW_WORDS.question, REVIEW_WORDS.answer, REVIEW_WORDS.comment]) expect(html).toContain(said);
    expect(html).toContain("Ballot by Ms Review for Sokunthea: 80 points");
    expect(html).toContain("Challenge upheld");
    expect(html).toContain(`by <span class="person-name">Pisethra</span>: ${REVIEW_WORDS.challenge}`);
    expect(html).toContain(`Ruling: ${REVIEW_WORDS.ruling}`);
    // Polls: the motion pair with its result and flow, the word cloud.
    expect(html).toContain("For the motion wins the audience");
    expect(html).toMatch(/class="flow-link stance-/);
    expect(html).toContain("How students moved between the motion polls");
    expect(html).toMatch(/class="cloud-entry"[^>]*>heated</);
    // The quiz, hardest first: the summit (asked second, half right) before Rainsy (asked first, three of four).
    const summit = html.indexOf(">Question 2: Where was the US-ASEAN summit with President Obama to be held, according to VOA?</h3>");
    const rainsy = html.indexOf(">Question 1: Why was opposition leader Sam Rainsy outside Cambodia, according to VOA?</h3>");
    expect(summit).toBeGreaterThan(0);
    expect(rainsy).toBeGreaterThan(summit);
    expect(html).toMatch(/Facts the class missed<\/h3><ul><li>◐ <a href="#question-[0-9a-f-]+">Question 2: Where was the US-ASEAN/);
    expect(html).toContain("2 of 4 answered correctly (50%)");
    expect(html).toContain("✓ Answer: California");
    expect(html).toMatch(/Phnom Penh<\/th><td>2<\/td>/);
    // Standings: every row's ledger adds up to the total shown, with the rules in words.
    const [{ id: teacherId }] = await server.database.db.select({ id: teachers.id }).from(teachers).where(eq(teachers.email, teacher.email));
    const review = await server.rostrum.live.sessionReview(teacherId, session.id);
    for (const row of [...review.standings.sides, ...review.standings.individuals]) {
      expect(html).toContain(`Where ${row.name}’s ${row.total} points come from`);
      expect(html).toContain(`= ${row.total}</strong>`);
    }
    expect(html).toContain(`Rubric: their speech in Round 1 “${plan[0].title}”`);
    expect(html).toContain(`Peer votes: 1 × 10 on their speech in Round 1 “${plan[0].title}”`);
    expect(html).toContain(`Challenge upheld against their speech in Round 1 “${plan[0].title}” (challenged by Pisethra)`);
    expect(html).toMatch(/Quiz: [\d,]+ quiz points ÷ 10/);
    expect(html).toContain("Audience: For the motion won the room (+50 points), and this side argues for the motion");
    for (const file of ["arguments.csv", "ballots.csv", "quiz-answers.csv", "poll-votes.csv", "standings.csv", "session.json"])
      expect(html).toContain(`href="/teacher/sessions/${session.id}/export/${file}"`);

    // Anonymous: labels in join order, and no student's name anywhere, the serialized data included.
    const anonymous = await page(server.url, `${url}?names=anonymous`, teacher.cookie);
    expect(anonymous.status).toBe(200);
    for (const name of REVIEW_NAMES) expect(anonymous.html).not.toContain(name);
    expect(unescape(anonymous.html)).toContain("Ballot by Ms Review for Student 1: 80 points");
    expect(anonymous.html).toContain(`href="/teacher/sessions/${session.id}/export/standings.csv?names=anonymous"`);
    expect(unescape(anonymous.html)).toContain('aria-current="page">✓ Anonymous labels');

    // Someone else's: another teacher gets 404; no login and a student's seat get the login page.
    const other = await signUpTeacher(server.url, "Mr Other");
    expect((await page(server.url, url, other.cookie)).status).toBe(404);
    expect(await page(server.url, url)).toMatchObject({ status: 302, location: `/login?next=${encodeURIComponent(url)}` });
    const late = await signUpTeacher(server.url, "Ms Later");
    const lateSession = await startSession(server.url, late.cookie);
    const seat = cookiesOf(await postForm(`${server.url}/join`, { code: lateSession.code, name: "Rathana" }));
    expect(seat).not.toBe("");
    expect(await page(server.url, url, seat)).toMatchObject({ status: 302, location: `/login?next=${encodeURIComponent(url)}` });
    expect((await page(server.url, `/teacher/sessions/not-a-uuid/review`, teacher.cookie)).status).toBe(404);
  });
});
