// A student's own review at /play/:code/review, as a browser without JavaScript gets it with the
// seat cookie the join form gave it: their words, the teacher's scores and comment, their
// challenge's ruling, their quiz answer with the key, their points; never a classmate's scores,
// comments or words, whether in the page or in the data serialized into it. Their side's result
// follows the scoreboard setting while the class runs and is shown once the session ends.
// A real class over real sockets; PGlite, and PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "../../server/live/views/types";
import { ordinal } from "../../app/lib/quiz";
import { page as pageOf, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { must, SIDES, snapshotOf } from "../support/debate";
import { RULING, SAID, scoredClass, type CookieStudent, type Name } from "../support/scoredClass";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("a student's own review on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();
  let teacher: { cookie: string };
  let session: { id: string; code: string };
  let host: ClientSocket;
  let s: Record<Name, CookieStudent>;

  /** A page's HTML as its text reads: React's markers between text pieces and its escapes undone. */
  const page = async (path: string, cookie?: string) => {
    const answer = await pageOf(server.url, path, cookie);
    return { ...answer, html: answer.html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&") };
  };

  beforeAll(async () => {
    server = await startServer(backend);
    ({ teacher, session, host, students: s } = await scoredClass(server, open));
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const others = (name: Name) => Object.entries(SAID).filter(([n]) => n !== name);

  it("sends a browser without a seat to the join form, and an unknown code to a 404", async () => {
    expect(await page(`/play/${session.code}/review`)).toMatchObject({ status: 302, location: `/join?code=${session.code}` });
    expect(await page(`/play/${session.code.toLowerCase()}/review`)).toMatchObject({ status: 302, location: `/join?code=${session.code}` });
    expect((await page("/play/ZZZZZZ/review")).status).toBe(404);
    expect((await page("/play/ZZZZZZ/review", s.Ranya.cookie)).status).toBe(404);
  });

  it("shows a student their speech, the teacher's scores with what they mean, the comment, the ruling and their quiz answer", async () => {
    const { status, html } = await page(`/play/${session.code}/review`, s.Ranya.cookie);
    expect(status).toBe(200);
    // Private: no browser or proxy cache keeps it, the page nor the data a client-side navigation fetches.
    for (const path of [`/play/${session.code}/review`, `/play/${session.code}/review.data`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: s.Ranya.cookie } });
      expect([res.status, res.headers.get("cache-control")], path).toEqual([200, "no-store"]);
    }
    for (const text of [
      "Your review",
      "Ranya",
      SAID.Ranya.speech,
      SAID.Ranya.comment,
      "Score: 70 points",
      // Each criterion with its score of 5 and that score's descriptor from the rubric.
      "Argument and reasoning",
      "4 of 5",
      "A clear claim with sound, connected reasons",
      "Evidence that fits loosely, or is misquoted or unexplained",
      "Answers the strongest points fairly and shows why they fall short",
      "Partly clear; some dismissive or personal remarks",
      // The cited card with its source, the upheld challenge to it and why.
      "gradually promoting",
      "Challenge upheld",
      RULING,
      "1 classmate voted for it",
      // Where her points came from.
      "The teacher's rubric score for your speech",
      "1 peer vote for your speech",
      "A challenge to a card in your speech",
      "Quiz: your ",
      // The quiz: her answer, right in words, the key, the explanation and its source.
      "Why was opposition leader Sam Rainsy outside Cambodia",
      '<span aria-hidden="true">✓</span> Right</strong>',
      "✓ Answer: ",
      "self-imposed exile to avoid what is widely considered to be politically motivated defamation charges",
      "Source: ",
      // The session still runs: the way back to it.
      `href="/play/${session.code}"`,
    ])
      expect(html).toContain(text);
    for (const [, said] of others("Ranya")) {
      expect(html).not.toContain(said.comment);
      expect(html).not.toContain(said.speech);
    }
    // Nobody else's standing: a classmate who never touched her argument is not named at all.
    expect(html).not.toContain("Ubonrat");
    expect(html).not.toContain(s.Ubonrat.id);
    expect(html).not.toContain("Daravy");
  });

  it("shows a challenger their challenge's ruling and points, not the argument they challenged or its scores", async () => {
    const { status, html } = await page(`/play/${session.code}/review`, s.Chanthy.cookie);
    expect(status).toBe(200);
    for (const text of [SAID.Chanthy.speech, SAID.Chanthy.comment, SAID.Chanthy.reason, "✓ Upheld", "(+15)", RULING, '<span aria-hidden="true">✗</span> Wrong</strong>', "Your challenge to “"]) expect(html).toContain(text);
    for (const [, said] of others("Chanthy")) {
      expect(html).not.toContain(said.comment);
      expect(html).not.toContain(said.speech);
    }
    expect(html).not.toContain("Ranya");
    expect(html).not.toContain(s.Ranya.id);
  });

  it("says 'no answer' for a question left unanswered, and that nothing was challenged", async () => {
    const { html } = await page(`/play/${session.code}/review`, s.Ubonrat.cookie);
    expect(html).toContain('<span aria-hidden="true">–</span> No answer</strong>');
    expect(html).toMatch(/Your answer:<\/strong> no answer/);
    expect(html).toContain("You have not challenged a card yet.");
    expect(html).toContain(SAID.Ubonrat.comment);
    for (const [, said] of others("Ubonrat")) expect(html).not.toContain(said.comment);
  });

  it("still shows a removed student their own record, saying they were removed", async () => {
    const { status, html } = await page(`/play/${session.code}/review`, s.Daravy.cookie);
    expect(status).toBe(200);
    expect(html).toContain("The teacher removed you from this session");
    expect(html).toContain(SAID.Daravy.comment);
    for (const [, said] of others("Daravy")) expect(html).not.toContain(said.comment);
    // Removed: no way back into the live session from here.
    expect(html).not.toContain(`href="/play/${session.code}"`);
  });

  it("never shows one session's review for another session's code", async () => {
    const other = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60);
    const answer = await page(`/play/${other.code}/review`, s.Ranya.cookie);
    expect(answer).toMatchObject({ status: 302, location: `/join?code=${other.code}` });
    expect(answer.html).not.toContain(SAID.Ranya.comment);
  });

  it("links the live page to the review", async () => {
    const { html } = await page(`/play/${session.code}`, s.Ranya.cookie);
    expect(html).toContain(`href="/play/${session.code}/review"`);
  });

  it("withholds the side's result while the teacher hides the scoreboard, and shows it once the session ends", async () => {
    const before = await page(`/play/${session.code}/review`, s.Ranya.cookie);
    expect(before.html).toContain("Your side's result appears here when the session ends");
    expect(before.html).not.toMatch(/of 4 sides/);

    // The teacher shows the side totals: the class sees them, so does the review.
    await must(host, "settings:update", { scoreboard: "sides" });
    expect((await page(`/play/${session.code}/review`, s.Ranya.cookie)).html).toMatch(/of 4 sides/);
    await must(host, "settings:update", { scoreboard: "hidden" });
    expect((await page(`/play/${session.code}/review`, s.Ranya.cookie)).html).not.toMatch(/of 4 sides/);

    await must(host, "session:end", {});
    const after = await page(`/play/${session.code}/review`, s.Ranya.cookie);
    // The place and total the class's scoreboard has, with its parts.
    const board = (await snapshotOf<HostView>(host)).debate.scoreboard!;
    const sides = [...board.sides].sort((a, b) => b.total - a.total);
    const mine = sides.find((x) => x.id === SIDES.rgc)!;
    const rank = 1 + sides.filter((x) => x.total > mine.total).length;
    expect(after.html).toContain(`${ordinal(rank)} of 4 sides`);
    expect(after.html).toContain(`= ${mine.total}`);
    expect(mine.breakdown).toMatchObject({ rubric: 70, peerVotes: 10, challenges: -30 });
    expect(after.html).toContain("The session has ended");
    // Ended: nothing live to go back to; the live page points to the review.
    expect(after.html).not.toContain(`href="/play/${session.code}"`);
    expect((await page(`/play/${session.code}`, s.Ranya.cookie)).html).toContain("See your review");
  });
});
