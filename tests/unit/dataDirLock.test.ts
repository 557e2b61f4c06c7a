import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockDataDir } from "../../db/lock";

const pidOf = async (file: string) => (await readFile(file, "utf8")).split("\n")[0];
const linux = existsSync("/proc/self/stat");

/** Another process that holds `lock` through lockDataDir until killed. */
async function holderOf(lock: string): Promise<ChildProcess> {
  const code = `const { lockDataDir } = await import(process.argv[1]); await lockDataDir(process.argv[2]); console.log("locked"); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code, path.resolve("db/lock.ts"), lock], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout!.once("data", resolve);
    child.once("exit", reject);
  });
  return child;
}

describe("lockDataDir", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rostrum-lock-"));
    file = path.join(dir, "pglite.lock");
  });
  const others: ChildProcess[] = [];
  afterEach(async () => {
    for (const other of others.splice(0)) other.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("holds this process's pid until released", async () => {
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
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
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it("takes over a lock naming this process that it does not hold (its pid reused after a crash, as PID 1 in a container)", async () => {
    await writeFile(file, `${process.pid}\n`);
    (await lockDataDir(file)).release();
    await writeFile(file, `${process.pid}\nboot 00000000-0000-0000-0000-000000000000 start 1\n`);
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it("refuses a lock that another running process holds, naming it", async () => {
    const holder = await holderOf(file);
    others.push(holder);
    await expect(lockDataDir(file)).rejects.toThrow(`process ${holder.pid}`);
    // A lock of an older Rostrum holds only the pid: a running one is still its owner.
    await writeFile(file, `${holder.pid}\n`);
    await expect(lockDataDir(file)).rejects.toThrow(`process ${holder.pid}`);
  });

  it.runIf(linux)("takes over a lock whose pid now runs another process (another start time or boot)", async () => {
    const holder = await holderOf(file);
    others.push(holder);
    const [pid, identity] = (await readFile(file, "utf8")).split("\n");
    expect(identity).toMatch(/^boot \S+ start \d+$/);
    // The same pid and start time in an earlier boot (a service started at boot gets both again).
    await writeFile(file, `${pid}\n${identity!.replace(/boot \S+/, "boot 00000000-0000-0000-0000-000000000000")}\n`);
    (await lockDataDir(file)).release();
    // The same pid, started at another time: a process that reused the pid of a crashed server.
    await writeFile(file, `${pid}\n${identity!.replace(/start \d+/, "start 1")}\n`);
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it("leaves a lock alone that another process took over", async () => {
    const lock = await lockDataDir(file);
    await writeFile(file, "1\n");
    lock.release();
    expect(await readFile(file, "utf8")).toBe("1\n");
  });
});
