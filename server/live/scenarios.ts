// The scenario library: bundled packs are stored as versions at start-up, and a session
// points at the exact version it started with, so later edits never change its record.
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { PackedScenario } from "../../content/schema";
import type { Database } from "../../db/client";
import { uniqueViolation } from "../../db/client";
import { scenarioVersions } from "../../db/schema";

const hashContent = (content: PackedScenario) => createHash("sha256").update(JSON.stringify(content)).digest("hex");

export type ScenarioSummary = {
  id: string;
  version: number;
  title: string;
  motion: string;
  level: string;
  durationMinutes: number;
  sides: { id: string; name: string; stance: string }[];
};

export function createScenarioLibrary(db: Database) {
  // Versions never change once written, so caching them by row id is always safe.
  const byVersionId = new Map<number, PackedScenario>();

  async function latest(scenarioId: string) {
    const [row] = await db
      .select()
      .from(scenarioVersions)
      .where(eq(scenarioVersions.scenarioId, scenarioId))
      .orderBy(desc(scenarioVersions.version))
      .limit(1);
    return row;
  }

  return {
    /** Stores a pack as a new version unless the latest version is identical. */
    async store(content: PackedScenario, origin: "bundled" | "imported", importedBy?: string) {
      const contentHash = hashContent(content);
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await latest(content.id);
        if (current?.contentHash === contentHash) return current;
        try {
          const [row] = await db
            .insert(scenarioVersions)
            .values({ scenarioId: content.id, version: (current?.version ?? 0) + 1, origin, contentHash, content, importedBy })
            .returning();
          return row;
        } catch (error) {
          // Another node stored a version at the same moment: look again.
          if (!uniqueViolation(error)) throw error;
        }
      }
      throw new Error(`could not store scenario ${content.id}`);
    },

    async list(): Promise<ScenarioSummary[]> {
      const rows = await db
        .selectDistinctOn([scenarioVersions.scenarioId])
        .from(scenarioVersions)
        .orderBy(scenarioVersions.scenarioId, desc(scenarioVersions.version));
      return rows
        .map(({ version, content: s }) => ({
          id: s.id,
          version,
          title: s.title,
          motion: s.motion,
          level: s.level,
          durationMinutes: s.durationMinutes,
          sides: s.sides.map((x) => ({ id: x.id, name: x.name, stance: x.stance })),
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    },

    latest,

    async version(scenarioId: string, version: number) {
      const [row] = await db
        .select()
        .from(scenarioVersions)
        .where(and(eq(scenarioVersions.scenarioId, scenarioId), eq(scenarioVersions.version, version)));
      return row;
    },

    async content(versionId: number): Promise<PackedScenario> {
      let content = byVersionId.get(versionId);
      if (!content) {
        const [row] = await db.select({ content: scenarioVersions.content }).from(scenarioVersions).where(eq(scenarioVersions.id, versionId));
        if (!row) throw new Error(`scenario version ${versionId} is missing`);
        content = row.content;
        byVersionId.set(versionId, content);
      }
      return content;
    },
  };
}

export type ScenarioLibrary = ReturnType<typeof createScenarioLibrary>;
