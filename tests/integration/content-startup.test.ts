// A broken pack must never stop a lesson: the checker fails on it, naming the field, and the
// server reports it at start-up, leaves it out and starts with the others.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { contentDir } from "../../content/load";
import { projectRoot } from "../../server/app";
import { signUpTeacher } from "../support/clients";
import { startServer } from "../support/server";

let dir: string;
const brokenFile = () => path.join(dir, "scenarios", "broken.yaml");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rostrum-content-"));
  await cp(path.join(contentDir, "sources.yaml"), path.join(dir, "sources.yaml"));
  await cp(path.join(contentDir, "scenarios", "mending-ties.yaml"), path.join(dir, "scenarios", "mending-ties.yaml"), { recursive: true });
  const broken = parse(await readFile(path.join(contentDir, "scenarios", "conditioned-engagement.yaml"), "utf8"));
  broken.id = "broken-pack";
  broken.cards[2].source = "an-unknown-article";
  await writeFile(brokenFile(), stringify(broken));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("a broken pack", () => {
  it("fails `content:check` with a line naming the file and field", async () => {
    const run = promisify(execFile)("npx", ["tsx", "content/check.ts", "--content", dir], { cwd: projectRoot });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`${path.relative(projectRoot, brokenFile())}: cards.2.source: unknown source "an-unknown-article"`);
    expect(failure?.stderr).toContain("content:check found 1 problem(s) in 1 scenario(s)");
  });

  it("is reported and skipped at start-up while the others load", async () => {
    const log: string[] = [];
    const server = await startServer("pglite", { contentDir: dir, log: (line) => log.push(line) });
    try {
      expect(log.join("\n")).toMatch(/content: skipped: .*broken\.yaml: cards\.2\.source: unknown source "an-unknown-article"/);
      const { cookie } = await signUpTeacher(server.url);
      const library = await (await fetch(`${server.url}/teacher`, { headers: { cookie } })).text();
      expect(library).toContain('id="scenario-mending-ties"');
      expect(library).not.toContain("broken-pack");
    } finally {
      await server.close();
    }
  });
});
