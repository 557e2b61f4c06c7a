// A scenario version stored before packs framed the motion, labelled their cards and carried a
// guide (issue 10) still previews, starts and plays: its sessions show what its data holds and
// nothing it does not.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledContent } from "../../content/load";
import { packScenario } from "../../content/schema";
import { scenarioVersions, teachers } from "../../db/schema";
import { cookiesOf, page, postForm, signUpTeacher, startSession } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

const bundled = await loadBundledContent();
const current = packScenario(bundled.scenarios.find((s) => s.scenario.id === "trade-and-rights")!.scenario, bundled.sources);

/** The pack as a version stored before issue 10 held it. */
function beforeLabels() {
  const { frame: _frame, guide: _guide, ...rest } = current;
  return {
    ...rest,
    sources: current.sources.map(({ type: _t, year: _y, ...s }) => s),
    cards: current.cards.map(({ sourceType: _s, basis: _b, ...c }) => c),
    quiz: current.quiz.map(({ skill: _s, ...q }) => q),
    glossary: current.glossary.map(({ outside: _o, ...g }) => g),
    sides: current.sides.map(({ leans: _l, ...s }) => s),
    rounds: current.rounds.map(({ short: _s, ...r }) => r),
  };
}

describe.each(backends)("a version stored before packs were labelled, on %s", (backend) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer(backend);
    const teacher = await signUpTeacher(server.url);
    cookie = teacher.cookie;
    const [row] = await server.database.db.select().from(teachers).where(eq(teachers.email, teacher.email));
    const stored = beforeLabels();
    await server.database.db
      .insert(scenarioVersions)
      .values({ scenarioId: stored.id, version: 1, ownerId: row.id, contentHash: "from-before-issue-10", content: stored as never });
  });
  afterAll(async () => server?.close());

  it("previews without a frame, a guide or a short plan, and cards only labelled where their data settles it", async () => {
    const preview = await page(server.url, "/teacher/scenarios/trade-and-rights", cookie);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain(current.title);
    expect(preview.html).not.toContain("What each side must show");
    expect(preview.html).not.toContain("Splitting the class into sides");
    expect(preview.html).not.toContain("Short plan for one class period");
    // A card in the article's own words is labelled as its article is; a named speaker's is not guessed.
    expect(preview.html).toContain("News report");
    expect(preview.html).toContain("Recall: what the articles say");
  });

  it("starts a session whose students can play and read about the motion", async () => {
    const session = await startSession(server.url, cookie, "trade-and-rights");
    const seat = cookiesOf(await postForm(`${server.url}/join`, { code: session.code, name: "Bopha" }));
    const play = await page(server.url, `/play/${session.code}`, seat);
    expect(play.status).toBe(200);
    expect(play.html).toContain("About the motion");
    expect(play.html).not.toContain("The debate is set in");
    const review = await page(server.url, `/play/${session.code}/review`, seat);
    expect(review.status).toBe(200);
  });
});
