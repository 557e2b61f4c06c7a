// One process at a time on an embedded database: PGlite's files are not safe to open twice, and
// a second server on the same DATA_DIR silently destroyed the first one's data. The lock is a
// file created exclusively (`wx`) next to the PGlite folder, holding the owner's pid; a lock
// whose pid no longer runs (after a kill -9 or a crash) is stale and taken over.
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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

async function ownerOf(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, "utf8")).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Takes `file` for this process, or throws LockedError naming the process that holds it. */
export async function lockDataDir(file: string): Promise<DataDirLock> {
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: "wx", mode: 0o644 });
      return {
        file,
        release() {
          // Only our own lock: a file another process took over after us is theirs.
          let owner: string | undefined;
          try {
            owner = readFileSync(file, "utf8").trim();
          } catch {
            return;
          }
          if (owner === String(process.pid)) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await ownerOf(file);
    // This very process too: a second open in one process is as unsafe as in two.
    if (owner !== undefined && running(owner)) throw new LockedError(file, owner);
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
    if (moved !== owner && moved !== undefined && running(moved)) {
      // A racer's fresh lock was moved instead of the stale one: put it back and stop.
      await rename(aside, file);
      throw new LockedError(file, moved);
    }
    await rm(aside, { force: true });
  }
  throw new Error(`Could not take ${file}: it keeps changing. Is another server starting on the same DATA_DIR?`);
}
