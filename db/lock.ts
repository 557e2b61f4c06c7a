// One process at a time on an embedded database: PGlite's files are not safe to open twice, and
// a second server on the same DATA_DIR silently destroyed the first one's data. The lock is a
// file created exclusively (`wx`) next to the PGlite folder, holding the owner's pid and, where
// /proc tells, its boot and start time. A pid alone is reused: a container's server is PID 1
// after every restart, so after a kill -9 the lock named the next server itself. A lock whose pid
// no longer runs, or now runs another process (another start time or boot), or is this very
// process, is stale and taken over; a second open within one process is refused by `held`.
import { randomBytes } from "node:crypto";
import { readFileSync, readlinkSync, rmSync } from "node:fs";
import { mkdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** `release` is synchronous so that a process `exit` handler can call it. */
export type DataDirLock = { file: string; release(): void };

export class LockedError extends Error {
  constructor(readonly file: string, readonly pid: number) {
    super(
      `Another Rostrum server (process ${pid}) is using the embedded database in ${path.dirname(file)}. ` +
        `Stop it first, or give this server another DATA_DIR. If process ${pid} is not Rostrum, delete ${file}.`,
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

/**
 * What tells a process from a later one given the same pid: the boot it runs in and its start time
 * (field 22 of /proc/<pid>/stat). Undefined without a /proc of our own pid namespace (not Linux,
 * or a container without its own /proc mount, where /proc/<pid> is some other process).
 */
function identityOf(pid: number): string | undefined {
  try {
    if (readlinkSync("/proc/self") !== String(process.pid)) return undefined;
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Counted after the command name (field 2), which is in parentheses and may hold spaces.
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[22 - 3];
    return boot && start ? `boot ${boot} start ${start}` : undefined;
  } catch {
    return undefined;
  }
}

/** A lock file's contents: the pid on the first line (what an operator reads), then the identity. */
type Owner = { pid: number; identity?: string; text: string };

async function ownerOf(file: string): Promise<Owner | undefined> {
  try {
    const text = await readFile(file, "utf8");
    const [first = "", second = ""] = text.split("\n");
    const pid = Number(first.trim());
    return Number.isInteger(pid) && pid > 0 ? { pid, identity: second.trim() || undefined, text } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Whether the process that wrote this lock still runs. Never this one: `held` knows its locks. */
function stillRuns(owner: Owner): boolean {
  if (owner.pid === process.pid || !running(owner.pid)) return false;
  // A lock without identity (an older Rostrum's), or no /proc to compare with: the pid is all there is.
  if (owner.identity === undefined) return true;
  const now = identityOf(owner.pid);
  return now === undefined || now === owner.identity;
}

/** The lock files this process holds, by real path. */
const held = new Set<string>();

/** Takes `file` for this process, or throws LockedError naming the process that holds it. */
export async function lockDataDir(file: string): Promise<DataDirLock> {
  await mkdir(path.dirname(file), { recursive: true });
  const key = path.join(await realpath(path.dirname(file)), path.basename(file));
  // A second open in one process is as unsafe as in two. Checked and marked in one step, so that
  // two opens at once in this process cannot both get past it.
  if (held.has(key)) throw new LockedError(file, process.pid);
  held.add(key);
  try {
    return await take(file, key);
  } catch (error) {
    held.delete(key);
    throw error;
  }
}

async function take(file: string, key: string): Promise<DataDirLock> {
  const identity = identityOf(process.pid);
  const record = identity ? `${process.pid}\n${identity}\n` : `${process.pid}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, record, { flag: "wx", mode: 0o644 });
      return {
        file,
        release() {
          held.delete(key);
          // Only our own lock: a file another process took over after us is theirs.
          let text: string | undefined;
          try {
            text = readFileSync(file, "utf8");
          } catch {
            return;
          }
          if (text === record) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await ownerOf(file);
    if (owner !== undefined && stillRuns(owner)) throw new LockedError(file, owner.pid);
    // Stale (or half-written by a process that died at once). Moved aside atomically, so of two
    // servers taking it over at once only one moves it; the other finds the winner's lock next.
    const aside = `${file}.${randomBytes(6).toString("hex")}.stale`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      continue;
    }
    const moved = await ownerOf(aside);
    if (moved !== undefined && moved.text !== owner?.text && stillRuns(moved)) {
      // A racer's fresh lock was moved instead of the stale one: put it back and stop.
      await rename(aside, file);
      throw new LockedError(file, moved.pid);
    }
    await rm(aside, { force: true });
  }
  throw new Error(`Could not take ${file}: it keeps changing. Is another server starting on the same DATA_DIR?`);
}
