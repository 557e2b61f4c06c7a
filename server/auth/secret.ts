// The key that signs cookies. SESSION_SECRET wins; otherwise one is made once and kept in
// DATA_DIR so sign-ins and student seats survive restarts.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const MIN_LENGTH = 32;

async function readKept(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function resolveSessionSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, "session-secret");
  let kept = await readKept(file);
  if (kept === undefined) {
    await mkdir(dataDir, { recursive: true });
    // Written whole under another name, then linked into place: the file either does not exist
    // or holds a full secret, and if two processes race, the first link wins for both.
    const draft = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(draft, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    try {
      await link(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await rm(draft, { force: true });
    }
    kept = await readKept(file);
  }
  if (!kept || kept.length < MIN_LENGTH)
    throw new Error(`${file} does not hold a usable secret (at least ${MIN_LENGTH} characters): delete it to make a new one, or set SESSION_SECRET.`);
  return kept;
}
