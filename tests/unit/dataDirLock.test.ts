import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holdOf, lockDataDir, type LockFacts } from "../../db/lock";

const pidOf = async (file: string) => (await readFile(file, "utf8")).split("\n")[0];
const linux = existsSync("/proc/self/stat");
/** A lock record written in this boot and pid namespace, whose pid is checked directly rather than by heartbeat. */
const localRecord = (pid: number | string, start?: string) =>
  linux
    ? `${pid}\nboot ${readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()}${start ? ` start ${start}` : ""} pidns ${readlinkSync("/proc/self/ns/pid")}\n`
    : `${pid}\n`;

// Takes the lock (argv: lock file, staleAfterMs), says "locked" or why not; with "hold", keeps it until killed.
const script =
  `const { lockDataDir } = await import(process.argv[1]);` +
  `try { await lockDataDir(process.argv[2], { staleAfterMs: Number(process.argv[3]) }); console.log("locked"); } catch (error) { console.log(error.message); process.exit(1); }` +
  `if (process.argv[4] === "hold") setInterval(() => {}, 60_000);`;

/** Runs the script in another process, as PID 1 of a pid namespace of its own with `wrapper` (as a container's server). */
function lockerOf(lock: string, { staleAfterMs = 20_000, hold = false, wrapper = [] as string[] } = {}): ChildProcess {
  const args = ["--import", "tsx", "--input-type=module", "-e", script, path.resolve("db/lock.ts"), lock, String(staleAfterMs), hold ? "hold" : "try"];
  const [command, ...rest] = [...wrapper, process.execPath, ...args];
  return spawn(command!, rest, { stdio: ["ignore", "pipe", "inherit"] });
}

/** Its first line of output: "locked", or the refusal. */
const firstLine = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (data: Buffer) => resolve(data.toString().trim()));
    child.once("exit", () => reject(new Error("exited silently")));
  });

/** Another process that holds `lock` through lockDataDir until killed. */
async function holderOf(lock: string, options: Parameters<typeof lockerOf>[1] = {}): Promise<ChildProcess> {
  const child = lockerOf(lock, { ...options, hold: true });
  expect(await firstLine(child)).toBe("locked");
  return child;
}

/** What another process answers when it tries to take `lock`. */
const triedBy = (lock: string, options: Parameters<typeof lockerOf>[1] = {}) => firstLine(lockerOf(lock, options));

// As two containers on one volume: each server is PID 1 of its own pid namespace (root only).
const inPidNamespace = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"];
const unshareRefusal = (() => {
  const tried = spawnSync(inPidNamespace[0]!, [...inPidNamespace.slice(1), "true"], { encoding: "utf8" });
  return tried.status === 0 ? undefined : (tried.stderr || tried.error?.message || "unshare failed").trim();
})();
if (unshareRefusal) console.log(`Skipping the two-namespace lock tests: unshare is not permitted here (${unshareRefusal}).`);

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
    await writeFile(file, localRecord(dead!));
    (await lockDataDir(file)).release();
    await writeFile(file, "");
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it("takes over a lock naming this process that it does not hold (its pid reused after a crash, as PID 1 in a container)", async () => {
    await writeFile(file, localRecord(process.pid));
    (await lockDataDir(file)).release();
    await writeFile(file, localRecord(process.pid, "1"));
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it("refuses a lock that another running process holds, naming it", async () => {
    const holder = await holderOf(file);
    others.push(holder);
    await expect(lockDataDir(file)).rejects.toThrow(`process ${holder.pid}`);
    // A lock of an older Rostrum holds only the pid: held while fresh, as if it ran elsewhere.
    await writeFile(file, `${holder.pid}\n`);
    await expect(lockDataDir(file)).rejects.toThrow(`process ${holder.pid}`);
  });

  it.runIf(linux)("takes over a lock whose pid now runs another process (another start time)", async () => {
    const holder = await holderOf(file);
    others.push(holder);
    const [pid, identity] = (await readFile(file, "utf8")).split("\n");
    expect(identity).toMatch(/^boot \S+ start \d+ pidns pid:\[\d+\]$/);
    // The same pid, started at another time: a process that reused the pid of a crashed server.
    await writeFile(file, `${pid}\n${identity!.replace(/start \d+/, "start 1")}\n`);
    const lock = await lockDataDir(file);
    expect(await pidOf(file)).toBe(String(process.pid));
    lock.release();
  });

  it.skipIf(unshareRefusal !== undefined)("refuses a second server in another pid namespace while the first holds, though both are PID 1", async () => {
    const staleAfterMs = 2000;
    const first = await holderOf(file, { staleAfterMs, wrapper: inPidNamespace });
    others.push(first);
    expect(await pidOf(file)).toBe("1");
    // Longer than the threshold: the first one's heartbeat keeps its lock fresh.
    await new Promise((resolve) => setTimeout(resolve, staleAfterMs * 1.5));
    const second = await triedBy(file, { staleAfterMs, wrapper: inPidNamespace });
    expect(second).toContain("process 1");
    expect(second).toMatch(/clears itself within 2 s/);
  });

  it.skipIf(unshareRefusal !== undefined)("takes over from a server killed with kill -9 in another pid namespace once its heartbeat is older than the threshold", async () => {
    const staleAfterMs = 2000;
    const crashed = await holderOf(file, { staleAfterMs, wrapper: inPidNamespace });
    const exited = new Promise((resolve) => crashed.once("exit", resolve));
    crashed.kill("SIGKILL"); // unshare --kill-child passes it on to the holder
    await exited;
    expect(await pidOf(file)).toBe("1");
    // At once, its heartbeat is fresh: it may run in another container.
    expect(await triedBy(file, { staleAfterMs, wrapper: inPidNamespace })).toContain("process 1");
    await new Promise((resolve) => setTimeout(resolve, staleAfterMs + 500));
    expect(await triedBy(file, { staleAfterMs, wrapper: inPidNamespace })).toBe("locked");
  });

  it("leaves a lock alone that another process took over", async () => {
    const lock = await lockDataDir(file);
    await writeFile(file, "1\n");
    lock.release();
    expect(await readFile(file, "utf8")).toBe("1\n");
  });
});

describe("holdOf", () => {
  const boot = "b1";
  const self = { pid: 1, identity: { boot, pidns: "pid:[1]", start: "500" } };
  const fresh = { ageMs: 1000, staleAfterMs: 20_000 };
  const old = { ageMs: 30_000, staleAfterMs: 20_000 };
  const facts = (owner: LockFacts["owner"], rest: Partial<LockFacts> = {}): LockFacts => ({ owner, self, ownerRuns: false, ...old, ...rest });

  it("in our namespace and boot, holds iff the pid runs with the recorded start time, however old the file", () => {
    const owner = { pid: 7, identity: { boot, pidns: "pid:[1]", start: "300" } };
    expect(holdOf(facts(owner, { ownerRuns: true, ownerStartNow: "300" }))).toBe("here");
    expect(holdOf(facts(owner, { ownerRuns: true, ownerStartNow: "301", ...fresh }))).toBe(false);
    expect(holdOf(facts(owner, { ownerRuns: false, ...fresh }))).toBe(false);
    // Our own pid: a previous PID 1 of this container, killed; this process's own locks are known in memory.
    expect(holdOf(facts({ ...owner, pid: 1 }, { ownerRuns: true, ownerStartNow: "500", ...fresh }))).toBe(false);
  });

  it("in another pid namespace or boot, holds while the heartbeat is fresh, whatever the pid", () => {
    for (const identity of [
      { boot, pidns: "pid:[2]", start: "500" },
      { boot: "b0", pidns: "pid:[1]", start: "500" },
      { boot, start: "500" },
    ]) {
      const owner = { pid: 1, identity };
      expect(holdOf(facts(owner, { ownerRuns: true, ownerStartNow: "500", ...fresh }))).toBe("heartbeat");
      expect(holdOf(facts(owner, { ownerRuns: true, ownerStartNow: "500", ...old }))).toBe(false);
    }
  });

  it("without /proc on either side, a running pid still holds, and a fresh heartbeat too", () => {
    const blind = { pid: 9, identity: {} };
    const owner = { pid: 7, identity: {} };
    expect(holdOf({ ...facts(owner, { ownerRuns: true }), self: blind })).toBe("here");
    expect(holdOf({ ...facts(owner, { ownerRuns: false, ...fresh }), self: blind })).toBe("heartbeat");
    expect(holdOf({ ...facts(owner, { ownerRuns: false }), self: blind })).toBe(false);
  });
});
