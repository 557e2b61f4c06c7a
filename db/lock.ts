// One process at a time on an embedded database: PGlite's files are not safe to open twice, and
// a second server on the same DATA_DIR silently destroyed the first one's data. The lock is a
// file created exclusively (`wx`) next to the PGlite folder, holding the owner's pid and, where
// /proc tells, its boot, start time and pid namespace. A pid names a process only inside its own
// pid namespace: two containers sharing a volume both run their server as PID 1. So within one
// namespace (and boot) the owner is alive iff its pid runs with the recorded start time, which lets
// a restart after kill -9 take over at once though it gets the same pid; across namespaces, or
// when we cannot tell, the owner proves it is alive by touching the file every few seconds, and a
// lock untouched for `staleAfterMs` is stale. A second open within one process is refused by `held`.
import { randomBytes } from "node:crypto";
import { readFileSync, readlinkSync, rmSync, utimesSync } from "node:fs";
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** `release` is synchronous so that a process `exit` handler can call it. */
export type DataDirLock = { file: string; release(): void };

/** How long a lock stays held without its owner's heartbeat, when the owner cannot be checked directly. */
export const STALE_AFTER_MS = 20_000;

export class LockedError extends Error {
  /** `clearsWithinMs`: set when the owner runs elsewhere (another container) and only its heartbeat tells it is alive. */
  constructor(readonly file: string, readonly pid: number, clearsWithinMs?: number) {
    super(
      `Another Rostrum server (process ${pid}) is using the embedded database in ${path.dirname(file)}. ` +
        `Stop it first, or give this server another DATA_DIR. ` +
        (clearsWithinMs === undefined
          ? `If process ${pid} is not Rostrum, delete ${file}.`
          : `Process ${pid} may run in another container or machine; if it no longer runs, this lock clears itself within ${Math.ceil(clearsWithinMs / 1000)} s.`),
    );
    this.name = "LockedError";
  }
}

/** Whether a process with this pid runs (EPERM: it does, under another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Where a process runs and which one it is: boot id, pid namespace, start time (field 22 of /proc/<pid>/stat). */
export type Identity = { boot?: string; pidns?: string; start?: string };

/** Whether /proc is there and is our own pid namespace's (in a container without its own /proc mount it is not). */
function ownProc(): boolean {
  try {
    return readlinkSync("/proc/self") === String(process.pid);
  } catch {
    return false;
  }
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

function startOf(pid: number): string | undefined {
  return attempt(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Counted after the command name (field 2), which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[22 - 3];
  });
}

function ownIdentity(): Identity {
  if (!ownProc()) return {};
  return {
    boot: attempt(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()),
    pidns: attempt(() => readlinkSync("/proc/self/ns/pid")),
    start: startOf(process.pid),
  };
}

/** A lock file's contents: the pid on the first line (what an operator reads), then the identity as `key value` pairs. */
type Owner = { pid: number; identity: Identity; text: string };

function parseOwner(text: string): Owner | undefined {
  const [first = "", second = ""] = text.split("\n");
  const pid = Number(first.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const value = (key: string) => new RegExp(`(?:^| )${key} (\\S+)`).exec(second)?.[1];
  return { pid, identity: { boot: value("boot"), pidns: value("pidns"), start: value("start") }, text };
}

function recordOf(pid: number, identity: Identity): string {
  const pairs = (["boot", "start", "pidns"] as const).filter((key) => identity[key]).map((key) => `${key} ${identity[key]}`);
  return pairs.length > 0 ? `${pid}\n${pairs.join(" ")}\n` : `${pid}\n`;
}

/** What is known of a lock's owner from here; every probe of the running system is done before the rule runs. */
export type LockFacts = {
  owner: { pid: number; identity: Identity };
  self: { pid: number; identity: Identity };
  /** Whether the owner's pid runs in our pid namespace, and with what start time (undefined: not known). */
  ownerRuns: boolean;
  ownerStartNow?: string;
  /** Time since the owner last touched the lock. */
  ageMs: number;
  staleAfterMs: number;
};

/**
 * Whether a lock is still held: "here" when its owner ran in our namespace and boot (its pid means
 * the same process to us), "heartbeat" when only the file's freshness can tell, or false (stale).
 */
export function holdOf(facts: LockFacts): "here" | "heartbeat" | false {
  const { owner, self } = facts;
  const here = owner.identity.boot !== undefined && owner.identity.pidns !== undefined &&
    owner.identity.boot === self.identity.boot && owner.identity.pidns === self.identity.pidns;
  if (here) {
    // This pid is ours: `held` knows this process's locks, so this one is a previous process's.
    if (owner.pid === self.pid || !facts.ownerRuns) return false;
    return owner.identity.start === undefined || owner.identity.start === facts.ownerStartNow ? "here" : false;
  }
  if (facts.ageMs < facts.staleAfterMs) return "heartbeat";
  // Without /proc on either side (not Linux) pids are all there is, and a running one still counts,
  // as for an older Rostrum's lock that holds only a pid and is never touched.
  const blind = self.identity.pidns === undefined && owner.identity.pidns === undefined;
  return blind && owner.pid !== self.pid && facts.ownerRuns ? "here" : false;
}

type Verdict = { owner?: Owner; hold: "here" | "heartbeat" | false };

async function verdictOf(file: string, staleAfterMs: number, self: LockFacts["self"]): Promise<Verdict> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([readFile(file, "utf8"), stat(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { hold: false };
    throw error;
  }
  const owner = parseOwner(text);
  // Half-written by a process that died at once, or not ours to read: stale.
  if (owner === undefined) return { hold: false };
  const ownerRuns = running(owner.pid);
  const ownerStartNow = ownerRuns && ownProc() ? startOf(owner.pid) : undefined;
  return { owner, hold: holdOf({ owner, self, ownerRuns, ownerStartNow, ageMs: Date.now() - mtimeMs, staleAfterMs }) };
}

function lockedError(file: string, verdict: Verdict, staleAfterMs: number): LockedError {
  return new LockedError(file, verdict.owner!.pid, verdict.hold === "heartbeat" ? staleAfterMs : undefined);
}

/** The lock files this process holds, by real path. */
const held = new Set<string>();

/**
 * Takes `file` for this process, or throws LockedError naming the process that holds it.
 * `staleAfterMs` is for tests; the heartbeat runs four times within it.
 */
export async function lockDataDir(file: string, { staleAfterMs = STALE_AFTER_MS } = {}): Promise<DataDirLock> {
  await mkdir(path.dirname(file), { recursive: true });
  const key = path.join(await realpath(path.dirname(file)), path.basename(file));
  // A second open in one process is as unsafe as in two. Checked and marked in one step, so that
  // two opens at once in this process cannot both get past it.
  if (held.has(key)) throw new LockedError(file, process.pid);
  held.add(key);
  try {
    return await take(file, key, staleAfterMs);
  } catch (error) {
    held.delete(key);
    throw error;
  }
}

async function take(file: string, key: string, staleAfterMs: number): Promise<DataDirLock> {
  const self = { pid: process.pid, identity: ownIdentity() };
  const record = recordOf(self.pid, self.identity);
  for (let round = 0; round < 5; round++) {
    try {
      await writeFile(file, record, { flag: "wx", mode: 0o644 });
      // Unref'd: the lock never keeps the process alive; a failed touch is retried at the next beat.
      const heartbeat = setInterval(() => attempt(() => utimesSync(file, new Date(), new Date())), staleAfterMs / 4).unref();
      return {
        file,
        release() {
          clearInterval(heartbeat);
          held.delete(key);
          // Only our own lock: a file another process took over after us is theirs.
          const text = attempt(() => readFileSync(file, "utf8"));
          if (text === record) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const found = await verdictOf(file, staleAfterMs, self);
    if (found.hold) throw lockedError(file, found, staleAfterMs);
    // Stale. Moved aside atomically, so of two servers taking it over at once only one moves it;
    // the other finds the winner's lock next.
    const aside = `${file}.${randomBytes(6).toString("hex")}.stale`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      continue;
    }
    const moved = await verdictOf(aside, staleAfterMs, self);
    if (moved.owner !== undefined && moved.owner.text !== found.owner?.text && moved.hold) {
      // A racer's fresh lock was moved instead of the stale one: put it back and stop.
      await rename(aside, file);
      throw lockedError(file, moved, staleAfterMs);
    }
    await rm(aside, { force: true });
  }
  throw new Error(`Could not take ${file}: it keeps changing. Is another server starting on the same DATA_DIR?`);
}
