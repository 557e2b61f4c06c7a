import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockDataDir } from "../../db/lock";

describe("lockDataDir", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rostrum-lock-"));
    file = path.join(dir, "pglite.lock");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("holds this process's pid until released", async () => {
    const lock = await lockDataDir(file);
    expect((await readFile(file, "utf8")).trim()).toBe(String(process.pid));
    lock.release();
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    (await lockDataDir(file)).release();
  });

  it("refuses a second open by the same process, naming it", async () => {
    const lock = await lockDataDir(file);
    await expect(lockDataDir(file)).rejects.toThrow(`process ${process.pid}`);
    lock.release();
  });

  it("takes over a lock whose process is gone, or that holds no pid", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(file, `${dead}\n`);
    (await lockDataDir(file)).release();
    await writeFile(file, "");
    const lock = await lockDataDir(file);
    expect((await readFile(file, "utf8")).trim()).toBe(String(process.pid));
    lock.release();
  });

  it("leaves a lock alone that another process took over", async () => {
    const lock = await lockDataDir(file);
    await writeFile(file, "1\n");
    lock.release();
    expect(await readFile(file, "utf8")).toBe("1\n");
  });
});
