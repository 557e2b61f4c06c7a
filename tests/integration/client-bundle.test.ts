// What a phone downloads: the browser bundle carries no server-only code. The profanity filter's
// word list (server/live/lobby/profanity.ts) once rode along with a shared limit into every page.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../server/app";

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
