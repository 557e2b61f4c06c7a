// The scenario library: bundled packs are stored as versions at start-up and shared by every
// teacher; a teacher's imports are versions in their own library, seen only by them, and take
// the place of a bundled pack with the same id for that teacher. A session points at the exact
// version it started with, so later edits never change its record.
import { createHash } from "node:crypto";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import { parseScenario } from "../../content/load";
import { defaultRubric, packScenario, QUIZ_SECONDS, type PackedScenario, type Scenario, type Source } from "../../content/schema";
import { isOwnWords } from "../../content/speakers";
import type { Database, Transaction } from "../../db/client";
import { uniqueViolation } from "../../db/client";
import { scenarioVersions, type ScenarioVersionRow } from "../../db/schema";

const hashContent = (content: PackedScenario) => createHash("sha256").update(JSON.stringify(content)).digest("hex");

export type ScenarioSummary = {
  id: string;
  versionId: number;
  version: number;
  imported: boolean;
  title: string;
  motion: string;
  level: string;
  durationMinutes: number;
  sides: { id: string; name: string; stance: string }[];
};

export type ImportResult =
  | { ok: true; scenarioId: string; version: number; unchanged: boolean }
  | { ok: false; problems: string[] };

/** Whose library: a teacher's own, or the bundled one (null). */
type Owner = string | null;

const inLibrary = (owner: Owner) => (owner ? eq(scenarioVersions.ownerId, owner) : isNull(scenarioVersions.ownerId));
/** What a teacher sees: the bundled packs and their own imports. */
const visibleTo = (teacherId: string | undefined) =>
  teacherId ? or(isNull(scenarioVersions.ownerId), eq(scenarioVersions.ownerId, teacherId)) : isNull(scenarioVersions.ownerId);

/**
 * Versions stored before rubrics had a descriptor per score lack `levels`: the default rubric's
 * criteria get theirs back, any other criterion plain ones, so sessions started then can be scored.
 */
export function withRubricLevels(content: PackedScenario): PackedScenario {
  if (content.rubric.every((c) => Array.isArray(c.levels))) return content;
  const plain = ["Weak", "Limited", "Adequate", "Good", "Excellent"];
  const rubric = content.rubric.map((c) => (Array.isArray(c.levels) ? c : { ...c, levels: defaultRubric.find((d) => d.id === c.id)?.levels ?? plain }));
  return { ...content, rubric };
}

/** Versions stored before quiz items had a time limit and points get the schema's defaults. */
export function withQuizDefaults(content: PackedScenario): PackedScenario {
  if (content.quiz.every((q) => q.seconds !== undefined && q.points !== undefined)) return content;
  return { ...content, quiz: content.quiz.map((q) => ({ ...q, seconds: q.seconds ?? QUIZ_SECONDS.default, points: q.points ?? 1 })) };
}

/**
 * Versions stored before cards, questions and glossary entries were labelled get the labels the
 * old data settles: a source's type and year come from the sources file (which only grows); a
 * card in the writer's own words, or in its author's, is what its article is; any other card
 * stays unlabelled, since a named speaker may be a party or a commentator; a question is recall;
 * no glossary entry is marked outside.
 */
export function withReadingLabels(content: PackedScenario, library: readonly Source[]): PackedScenario {
  const labelled =
    content.sources.every((s) => s.type !== undefined) &&
    content.cards.every((c) => c.sourceType !== undefined) &&
    content.quiz.every((q) => q.skill !== undefined) &&
    content.glossary.every((g) => g.outside !== undefined);
  if (labelled) return content;
  const current = new Map(library.map((s) => [s.id, s]));
  const sources = content.sources.map((s) => {
    const now = current.get(s.id);
    return s.type !== undefined || !now ? s : { ...s, type: now.type, year: now.year };
  });
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    ...content,
    sources,
    cards: content.cards.map((c) => {
      const source = byId.get(c.source);
      return c.sourceType !== undefined || !source?.type || !isOwnWords(c.speaker, source) ? c : { ...c, sourceType: source.type };
    }),
    quiz: content.quiz.map((q) => (q.skill !== undefined ? q : { ...q, skill: "recall" })),
    glossary: content.glossary.map((g) => (g.outside !== undefined ? g : { ...g, outside: false })),
  };
}

/** `sources` are the articles packs may cite (content/sources.yaml, read at start-up). */
export function createScenarioLibrary(db: Database, sources: readonly Source[]) {
  // Versions never change once written, so caching them by row id is always safe.
  const byVersionId = new Map<number, PackedScenario>();
  /** Every version in the shape the app reads today, however old. */
  const upgrade = (content: PackedScenario) => withReadingLabels(withQuizDefaults(withRubricLevels(content)), sources);
  const upgraded = <R extends { content: PackedScenario }>(row: R | undefined) => row && { ...row, content: upgrade(row.content) };

  async function newestIn(owner: Owner, scenarioId: string): Promise<ScenarioVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(scenarioVersions)
      .where(and(eq(scenarioVersions.scenarioId, scenarioId), inLibrary(owner)))
      .orderBy(desc(scenarioVersions.version))
      .limit(1);
    return row;
  }

  /** Stores a pack as the newest version in `owner`'s library unless it is already there. */
  async function store(scenario: Scenario, owner: Owner) {
    const content = packScenario(scenario, sources);
    const contentHash = hashContent(content);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await newestIn(owner, content.id);
      if (current?.contentHash === contentHash) return { row: current, stored: false };
      try {
        const [row] = await db
          .insert(scenarioVersions)
          .values({ scenarioId: content.id, version: (current?.version ?? 0) + 1, ownerId: owner, contentHash, content })
          .returning();
        return { row, stored: true };
      } catch (error) {
        // Another node or tab stored a version at the same moment: look again.
        if (!uniqueViolation(error)) throw error;
      }
    }
    throw new Error(`could not store scenario ${content.id}`);
  }

  return {
    /** Stores the packs shipped in content/scenarios (at start-up). */
    async storeBundled(scenarios: readonly Scenario[]) {
      for (const scenario of scenarios) await store(scenario, null);
    },

    /** Checks a teacher's file with the same rules as `npm run content:check` and stores it in their library. */
    async importPack(label: string, text: string, teacherId: string): Promise<ImportResult> {
      const parsed = parseScenario(label, text, sources);
      if (!parsed.ok) return parsed;
      // A copy of the bundled pack is not an edit: storing it would hide later fixes to the pack.
      const bundled = await newestIn(null, parsed.value.id);
      const own = await newestIn(teacherId, parsed.value.id);
      if (!own && bundled?.contentHash === hashContent(packScenario(parsed.value, sources)))
        return { ok: true, scenarioId: bundled.scenarioId, version: bundled.version, unchanged: true };
      const { row, stored } = await store(parsed.value, teacherId);
      return { ok: true, scenarioId: row.scenarioId, version: row.version, unchanged: !stored };
    },

    /** The newest version a teacher would start: their own import if they have one, else the bundled pack. */
    async latest(scenarioId: string, teacherId?: string) {
      return upgraded((teacherId && (await newestIn(teacherId, scenarioId))) || (await newestIn(null, scenarioId)));
    },

    /** A version by row id, if the teacher may use it. */
    async visibleVersion(versionId: number, teacherId: string) {
      const [row] = await db.select().from(scenarioVersions).where(and(eq(scenarioVersions.id, versionId), visibleTo(teacherId)));
      return upgraded(row);
    },

    async list(teacherId: string): Promise<ScenarioSummary[]> {
      const rows = await db
        .selectDistinctOn([scenarioVersions.scenarioId, scenarioVersions.ownerId])
        .from(scenarioVersions)
        .where(visibleTo(teacherId))
        .orderBy(scenarioVersions.scenarioId, scenarioVersions.ownerId, desc(scenarioVersions.version));
      const chosen = new Map<string, ScenarioVersionRow>();
      for (const row of rows) if (row.ownerId || !chosen.has(row.scenarioId)) chosen.set(row.scenarioId, row);
      return [...chosen.values()]
        .map(({ id, version, ownerId, content: s }) => ({
          id: s.id,
          versionId: id,
          version,
          imported: ownerId !== null,
          title: s.title,
          motion: s.motion,
          level: s.level,
          durationMinutes: s.durationMinutes,
          sides: s.sides.map((x) => ({ id: x.id, name: x.name, stance: x.stance })),
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    },

    /** Pass the transaction when calling inside one, so the read does not wait on it. */
    async content(versionId: number, executor: Database | Transaction = db): Promise<PackedScenario> {
      let content = byVersionId.get(versionId);
      if (!content) {
        const [row] = await executor.select({ content: scenarioVersions.content }).from(scenarioVersions).where(eq(scenarioVersions.id, versionId));
        if (!row) throw new Error(`scenario version ${versionId} is missing`);
        content = upgrade(row.content);
        byVersionId.set(versionId, content);
      }
      return content;
    },
  };
}

export type ScenarioLibrary = ReturnType<typeof createScenarioLibrary>;
