// The scenario library over HTTP: preview, import with per-field problems, and versions that
// keep a started session on the scenario it began with.
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadBundledContent } from "../../content/load";
import { scenarioVersions, sessions, teachers } from "../../db/schema";
import { signUpTeacher, startSession } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";

const bundled = parse(await readFile(new URL("../../content/scenarios/conditioned-engagement.yaml", import.meta.url), "utf8"));

describe.each(backends)("scenario library on %s", (backend) => {
  let server: TestServer;
  let cookie: string;
  let email: string;
  beforeAll(async () => {
    server = await startServer(backend);
    ({ cookie, email } = await signUpTeacher(server.url));
  });
  afterAll(async () => server?.close());

  const get = async (path: string, withCookie = cookie) => {
    const res = await fetch(`${server.url}${path}`, { redirect: "manual", headers: withCookie ? { cookie: withCookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const importFile = async (text: string, name = "pack.yaml", withCookie = cookie) => {
    const form = new FormData();
    form.append("file", new Blob([text]), name);
    const res = await fetch(`${server.url}/teacher/import`, { method: "POST", body: form, redirect: "manual", headers: withCookie ? { cookie: withCookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const teacherId = async () => (await server.database.db.select().from(teachers).where(eq(teachers.email, email)))[0]?.id;
  const versions = (id: string) => server.database.db.select().from(scenarioVersions).where(eq(scenarioVersions.scenarioId, id));

  it("previews a scenario in full, answers included", async () => {
    const page = await get("/teacher/scenarios/conditioned-engagement");
    expect(page.status).toBe(200);
    expect(page.html).toContain(bundled.motion);
    for (const side of bundled.sides) expect(page.html).toContain(side.name.replace(/'/g, "&#x27;"));
    expect(page.html).toContain("(correct)");
    expect((await get("/teacher/scenarios/no-such-scenario")).status).toBe(404);
    expect((await get("/teacher/scenarios/conditioned-engagement", "")).status).toBe(302);
  });

  it("imports a valid file as a new version; the same file again stores nothing", async () => {
    const edited = { ...bundled, id: "imported-copy", title: "An imported copy" };
    const first = await importFile(stringify(edited));
    expect(first).toMatchObject({ status: 302, location: "/teacher/scenarios/imported-copy?imported=1" });
    const again = await importFile(stringify(edited));
    expect(again).toMatchObject({ status: 302, location: "/teacher/scenarios/imported-copy?unchanged=1" });
    const rows = await versions("imported-copy");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, ownerId: expect.any(String) });
    expect((await get("/teacher/scenarios/imported-copy?imported=1")).html).toContain("Imported as version 1.");
  });

  it("treats an unchanged copy of a bundled pack as no import, so later fixes to the pack still arrive", async () => {
    const other = await signUpTeacher(server.url, "Ms Copy");
    const before = (await versions(bundled.id)).length;
    const form = new FormData();
    form.append("file", new Blob([stringify(bundled)]), "copy.yaml");
    const res = await fetch(`${server.url}/teacher/import`, { method: "POST", body: form, redirect: "manual", headers: { cookie: other.cookie } });
    expect(res.headers.get("location")).toBe("/teacher/scenarios/conditioned-engagement?unchanged=1");
    expect(await versions(bundled.id)).toHaveLength(before);
  });

  it("lists every problem by field and stores nothing", async () => {
    const broken = structuredClone(bundled);
    const single = broken.quiz.findIndex((q: { kind: string }) => q.kind === "single");
    broken.quiz[single].answer = "not an option";
    broken.sides[1].cards = [];
    const before = (await versions(bundled.id)).length;
    const answer = await importFile(stringify(broken), "broken.yaml");
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("nothing was imported");
    expect(answer.html).toContain(`<code>quiz.${single}.answer</code>: <!-- -->answer &quot;not an option&quot; is not among the options`);
    expect(answer.html).toContain("<code>sides.1.cards</code>: <!-- -->a side needs at least one evidence card");
    expect((await importFile("title: [unclosed", "bad.yaml")).html).toMatch(/line 1/);
    expect((await importFile("x", "notes.docx")).html).toContain("is not a YAML file");
    expect((await importFile(stringify(bundled), "pack.yaml", "")).status).toBe(302);
    expect(await versions(bundled.id)).toHaveLength(before);
  });

  it("keeps a started session on its version when the teacher imports a change", async () => {
    const session = await startSession(server.url, cookie, "conditioned-engagement");
    const [started] = await server.database.db.select().from(sessions).where(eq(sessions.id, session.id));
    const changed = { ...bundled, title: "Conditioned engagement, revised" };
    expect((await importFile(stringify(changed))).status).toBe(302);
    // The library card now shows the import (the sessions list keeps each session's own title).
    expect((await get("/teacher")).html).toContain('id="scenario-conditioned-engagement">Conditioned engagement, revised<');
    // The running session still shows the title it started with; a new one gets the import.
    expect((await server.rostrum.live.hostView(session.id)).scenario.title).toBe(bundled.title);
    const next = await startSession(server.url, cookie, "conditioned-engagement");
    const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, next.id));
    expect(row.scenarioVersionId).not.toBe(started.scenarioVersionId);
    expect((await server.rostrum.live.hostView(next.id)).scenario.title).toBe("Conditioned engagement, revised");
    // A restart stores the bundled packs again, and the teacher's import is still the one they get.
    await server.rostrum.live.scenarios.storeBundled((await loadBundledContent()).scenarios.map((s) => s.scenario));
    expect((await get("/teacher")).html).toContain('id="scenario-conditioned-engagement">Conditioned engagement, revised<');
  });

  it("keeps one teacher's import out of every other teacher's library", async () => {
    const other = await signUpTeacher(server.url, "Mr Other");
    const changed = { ...bundled, title: "A private edit" };
    expect((await importFile(stringify(changed))).status).toBe(302);
    expect((await get("/teacher")).html).toContain("A private edit");
    const theirs = await get("/teacher", other.cookie);
    expect(theirs.html).not.toContain("A private edit");
    expect(theirs.html).toContain(bundled.title);
    expect((await get("/teacher/scenarios/conditioned-engagement", other.cookie)).html).not.toContain("A private edit");
    const session = await startSession(server.url, other.cookie, "conditioned-engagement");
    expect((await server.rostrum.live.hostView(session.id)).scenario.title).toBe(bundled.title);
    // Nor can they start it by naming its version.
    const mine = await server.rostrum.live.scenarios.latest("conditioned-engagement", (await teacherId())!);
    const res = await fetch(`${server.url}/teacher`, {
      method: "POST",
      body: new URLSearchParams({ scenarioId: "conditioned-engagement", versionId: String(mine!.id), capacity: "30" }),
      redirect: "manual",
      headers: { cookie: other.cookie },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("That scenario does not exist.");
  });
});

describe.each(backends)("starting a session with an adapted round plan on %s", (backend) => {
  let server: TestServer;
  let cookie: string;
  let email: string;
  beforeAll(async () => {
    server = await startServer(backend);
    ({ cookie, email } = await signUpTeacher(server.url));
  });
  afterAll(async () => server?.close());

  const start = (fields: [string, string][]) =>
    fetch(`${server.url}/teacher/scenarios/mending-ties`, {
      method: "POST",
      body: new URLSearchParams(fields),
      redirect: "manual",
      headers: { cookie },
    });

  it("stores the rounds the teacher kept, with their times, and shows them on the console", async () => {
    const written = (await server.rostrum.live.scenarios.latest("mending-ties"))!.content.rounds;
    const res = await start([
      ["scenarioId", "mending-ties"],
      ["capacity", "25"],
      ["plan", "custom"],
      ["keep", "0"],
      ["minutes-0", "1.5"],
      ["keep", "2"],
      ["minutes-2", "4"],
      ["minutes-1", "9"],
    ]);
    expect(res.status).toBe(302);
    const id = res.headers.get("location")!.split("/").pop()!;
    const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row.capacity).toBe(25);
    expect(row.roundPlan).toEqual([
      { ...written[0], seconds: 90 },
      { ...written[2], seconds: 240 },
    ]);
    const console = await (await fetch(`${server.url}/teacher/sessions/${id}`, { headers: { cookie } })).text();
    expect(console).toContain("2<!-- --> rounds");
    expect(console).toContain(written[2].title);
  });

  it("runs the plan as written from the library's quick start", async () => {
    const { id } = await startSession(server.url, cookie, "mending-ties");
    const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row.roundPlan).toEqual((await server.rostrum.live.scenarios.latest("mending-ties"))!.content.rounds);
  });

  it("runs the pack's short plan for one class period when the teacher picks it", async () => {
    const written = (await server.rostrum.live.scenarios.latest("mending-ties"))!.content.rounds;
    // Fields of the custom editor are ignored unless "custom" is the plan chosen.
    const res = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "short"], ["keep", "0"], ["minutes-0", "9"]]);
    expect(res.status).toBe(302);
    const id = res.headers.get("location")!.split("/").pop()!;
    const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, id));
    const short = written.flatMap((r) => (r.short === undefined ? [] : [{ ...r, seconds: r.short }]));
    expect(row.roundPlan).toEqual(short);
    const minutes = short.reduce((sum, r) => sum + r.seconds, 0) / 60;
    expect(minutes).toBeGreaterThanOrEqual(20);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it("explains a plan it cannot run and starts nothing", async () => {
    const before = (await server.database.db.select().from(sessions)).length;
    const none = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "custom"]]);
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("Keep at least one round.");
    const tooShort = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "custom"], ["keep", "1"], ["minutes-1", "0"]]);
    expect(await tooShort.text()).toContain("needs a time between 10 seconds and 60 minutes");
    const blank = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "custom"], ["keep", "1"], ["minutes-1", "soon"]]);
    expect(await blank.text()).toContain("needs a time between");
    // A teacher's own version of a pack may offer no short plan.
    const [teacher] = await server.database.db.select().from(teachers).where(eq(teachers.email, email));
    const pack = parse(await readFile(new URL("../../content/scenarios/mending-ties.yaml", import.meta.url), "utf8"));
    for (const round of pack.rounds) delete round.short;
    expect(await server.rostrum.live.scenarios.importPack("own.yaml", stringify(pack), teacher.id)).toMatchObject({ ok: true });
    const onlyFull = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "short"]]);
    expect(await onlyFull.text()).toContain("This scenario has no short plan.");
    const unknown = await start([["scenarioId", "mending-ties"], ["capacity", "25"], ["plan", "longest"]]);
    expect(await unknown.text()).toContain("Choose the full plan, the short plan or your own.");
    const capacity = await start([["scenarioId", "mending-ties"], ["capacity", "0"]]);
    expect(await capacity.text()).toContain("Class size must be a whole number from 1 to 2000.");
    expect((await server.database.db.select().from(sessions)).length).toBe(before);
  });
});
