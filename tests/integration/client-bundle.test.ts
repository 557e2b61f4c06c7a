// What a phone downloads: the browser bundle carries no server-only code. The profanity filter's
// word list (server/live/lobby/profanity.ts) once rode along with a shared limit into every page.
// And what each page loads: the review's chart library stays on the review page, off the
// students', whose JavaScript keeps within a budget.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../server/app";
import { cookiesOf, page, postForm, signUpTeacher, startSession } from "../support/clients";
import { startServer, type TestServer } from "../support/server";

describe("the browser bundle", () => {
  it("holds no server-only module", async () => {
    const dir = path.join(projectRoot, "build/client/assets");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(dir, file), "utf8");
      // obscenity's English word list, drizzle, postgres.js and node:crypto users would all be wrong here.
      for (const marker of ["englishDataset", "drizzle", "postgres", "scrypt"]) if (text.includes(marker)) leaks.push(`${file}: ${marker}`);
    }
    expect(leaks).toEqual([]);
  });
});

/** d3-sankey's own error message: minifying keeps strings, so any file holding it holds the library. */
const SANKEY_MARKER = "circular link";
/**
 * The student's page (/play/CODE) loaded 367 KB of JavaScript in 15 files before compression when
 * this was written (React, Remix, socket.io-client and the page's own code); the budget leaves
 * room to grow, not to double.
 */
const PLAY_PAGE_BUDGET = 450_000;

describe("what each page loads", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The bundle is the same on either database: PGlite serves the pages.
    server = await startServer("pglite");
  });
  afterAll(() => server?.close());

  /**
   * Every script a page makes the browser fetch before it runs: the module preloads, the modules
   * its inline scripts import (and the route manifest names), and what those import in turn.
   */
  async function scriptsOf(html: string): Promise<Map<string, string>> {
    const scripts = new Map<string, string>();
    const queue = [...new Set(html.match(/\/assets\/[\w.-]+\.js/g) ?? [])];
    while (queue.length) {
      const url = queue.shift()!;
      if (scripts.has(url)) continue;
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      const text = await res.text();
      scripts.set(url, text);
      // Static imports between chunks: `from"./x.js"` and `import"./x.js"`.
      for (const [, file] of text.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) queue.push(`/assets/${file}`);
    }
    return scripts;
  }

  it("keeps the review's chart library off a student's page, whose scripts stay within the budget", { timeout: 60_000 }, async () => {
    const teacher = await signUpTeacher(server.url, "Ms Budget");
    const session = await startSession(server.url, teacher.cookie);
    const seat = cookiesOf(await postForm(`${server.url}/join`, { code: session.code, name: "Bopha" }));
    const play = await page(server.url, `/play/${session.code}`, seat);
    expect(play.status).toBe(200);
    const playScripts = await scriptsOf(play.html);
    expect([...playScripts.keys()].some((u) => u.includes("play._code"))).toBe(true);
    expect([...playScripts].filter(([, text]) => text.includes(SANKEY_MARKER)).map(([url]) => url)).toEqual([]);
    const bytes = [...playScripts.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(PLAY_PAGE_BUDGET);

    const review = await page(server.url, `/teacher/sessions/${session.id}/review`, teacher.cookie);
    expect(review.status).toBe(200);
    const reviewScripts = await scriptsOf(review.html);
    expect([...reviewScripts.values()].some((text) => text.includes(SANKEY_MARKER))).toBe(true);
  });
});
