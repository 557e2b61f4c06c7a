// The scenario library: bundled packs are stored as versions at start-up, and a session
// points at the exact version it started with, so later edits never change its record.
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { parseScenario } from "../../content/load";
import { packScenario, type PackedScenario, type Scenario, type Source } from "../../content/schema";
import type { Database, Transaction } from "../../db/client";
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

export type ImportResult =
  | { ok: true; scenarioId: string; version: number; unchanged: boolean }
  | { ok: false; problems: string[] };

/** `sources` are the articles packs may cite (content/sources.yaml, read at start-up). */
export function createScenarioLibrary(db: Database, sources: readonly Source[]) {
  // Versions never change once written, so caching them by row id is always safe.
  const byVersionId = new Map<number, PackedScenario>();

  async function latest(scenarioId: string, origin?: "bundled") {
    const [row] = await db
      .select()
      .from(scenarioVersions)
      .where(and(eq(scenarioVersions.scenarioId, scenarioId), origin ? eq(scenarioVersions.origin, origin) : undefined))
      .orderBy(desc(scenarioVersions.version))
      .limit(1);
    return row;
  }

  /**
   * Stores a pack as the scenario's newest version unless it is already there. A bundled pack
   * is compared with the last bundled version, so restarting the server does not bury a
   * teacher's imported edit under the unchanged bundled text; a changed bundled file still does.
   */
  async function store(scenario: Scenario, origin: "bundled" | "imported", importedBy?: string) {
    const content = packScenario(scenario, sources);
    const contentHash = hashContent(content);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await latest(content.id);
      const compared = origin === "bundled" ? await latest(content.id, "bundled") : current;
      if (compared?.contentHash === contentHash) return { row: compared, stored: false };
      try {
        const [row] = await db
          .insert(scenarioVersions)
          .values({ scenarioId: content.id, version: (current?.version ?? 0) + 1, origin, contentHash, content, importedBy })
          .returning();
        return { row, stored: true };
      } catch (error) {
        // Another node stored a version at the same moment: look again.
        if (!uniqueViolation(error)) throw error;
      }
    }
    throw new Error(`could not store scenario ${content.id}`);
  }

  return {
    /** Stores the packs shipped in content/scenarios (at start-up). */
    async storeBundled(scenarios: readonly Scenario[]) {
      for (const scenario of scenarios) await store(scenario, "bundled");
    },

    /** Checks a teacher's file with the same rules as `npm run content:check` and stores it. */
    async importPack(label: string, text: string, teacherId: string): Promise<ImportResult> {
      const parsed = parseScenario(label, text, sources);
      if (!parsed.ok) return parsed;
      const before = await latest(parsed.value.id);
      const { row } = await store(parsed.value, "imported", teacherId);
      return { ok: true, scenarioId: row.scenarioId, version: row.version, unchanged: row.id === before?.id };
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

    /** Pass the transaction when calling inside one, so the read does not wait on it. */
    async content(versionId: number, executor: Database | Transaction = db): Promise<PackedScenario> {
      let content = byVersionId.get(versionId);
      if (!content) {
        const [row] = await executor.select({ content: scenarioVersions.content }).from(scenarioVersions).where(eq(scenarioVersions.id, versionId));
        if (!row) throw new Error(`scenario version ${versionId} is missing`);
        content = row.content;
        byVersionId.set(versionId, content);
      }
      return content;
    },
  };
}

export type ScenarioLibrary = ReturnType<typeof createScenarioLibrary>;
