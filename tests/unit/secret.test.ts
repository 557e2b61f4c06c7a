import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveSessionSecret } from "../../server/auth/secret";

describe("the cookie secret", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rostrum-secret-"));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it("uses SESSION_SECRET when it is set", async () => {
    expect(await resolveSessionSecret("x".repeat(40), dir)).toBe("x".repeat(40));
  });

  it("is made once, kept in the data folder, and the same after a restart or a racing start", async () => {
    const [a, b] = await Promise.all([resolveSessionSecret(undefined, dir), resolveSessionSecret(undefined, dir)]);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(b).toBe(a);
    expect(await resolveSessionSecret(undefined, dir)).toBe(a);
    expect((await readFile(path.join(dir, "session-secret"), "utf8")).trim()).toBe(a);
  });

  it("refuses a kept file too short to sign with", async () => {
    await writeFile(path.join(dir, "session-secret"), "");
    await expect(resolveSessionSecret(undefined, dir)).rejects.toThrow(/does not hold a usable secret/);
  });
});
