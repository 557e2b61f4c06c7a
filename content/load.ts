// Reads scenario packs and the sources file from disk and turns every problem into a line
// `file: path.to.field: what is wrong`, the format `npm run content:check` and start-up report.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { normalizeForQuote, scenarioSchema, sourcesFileSchema, type Scenario, type Source } from "./schema";
import { isOwnWords } from "./speakers";

export const contentDir = path.dirname(fileURLToPath(import.meta.url));
export const scenariosDir = path.join(contentDir, "scenarios");

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const formatPath = (p: readonly PropertyKey[]) => (p.length ? p.map(String).join(".") : "(top level)");

// Zod's defaults ("expected string, received undefined", "Unrecognized key") read like a
// programmer's; a teacher editing a pack needs to know to add the field or fix its spelling.
const teacherErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is missing; this field is required";
  // `motion:` with nothing after it is null in YAML.
  if (issue.code === "invalid_type" && issue.input === null) return "is empty; fill it in";
  // A wrong `kind` (an enum, or the quiz item's discriminator) lists what it may be.
  const allowed = issue.code === "invalid_value" ? issue.values : issue.code === "invalid_union" ? issue.options : undefined;
  if (Array.isArray(allowed) && allowed.length > 1) return `must be one of: ${allowed.map(String).join(", ")}`;
  if (issue.code === "unrecognized_keys") {
    const names = issue.keys.map((k) => `"${k}"`).join(", ");
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${names}: check the spelling, or remove ${issue.keys.length > 1 ? "them" : "it"}`;
  }
  return undefined;
};

export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`);
}

function parseYaml(file: string, text: string): Loaded<unknown> {
  // Without prettyErrors the messages stay one line; the LineCounter gives the line they need.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => `${file}: line ${lineCounter.linePos(e.pos[0]).line}: ${e.message}`),
    };
  }
  return { ok: true, value: doc.toJS() };
}

export function parseSources(file: string, text: string): Loaded<Source[]> {
  const yaml = parseYaml(file, text);
  if (!yaml.ok) return yaml;
  const parsed = sourcesFileSchema.safeParse(yaml.value, { error: teacherErrors });
  if (!parsed.success) return { ok: false, problems: formatIssues(file, parsed.error.issues) };
  const seen = new Set<string>();
  const problems: string[] = [];
  parsed.data.sources.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`${file}: sources.${i}.id: duplicate id "${s.id}"`);
    seen.add(s.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data.sources };
}

/** Parses and validates one scenario, including that every source it cites exists. */
export function parseScenario(file: string, text: string, sources: readonly Source[]): Loaded<Scenario> {
  const yaml = parseYaml(file, text);
  if (!yaml.ok) return yaml;
  const parsed = scenarioSchema.safeParse(yaml.value, { error: teacherErrors });
  if (!parsed.success) return { ok: false, problems: formatIssues(file, parsed.error.issues) };
  const known = new Map(sources.map((s) => [s.id, s]));
  const { year } = parsed.data.frame;
  const problems: string[] = [];
  // A debate set in a year cannot cite an article written after it: one line per such article.
  const late = new Map<string, string[]>();
  const cites = (path: string, id: string) => {
    const source = known.get(id);
    if (!source) problems.push(`${file}: ${path}: unknown source "${id}"`);
    else if (source.year > year) late.set(id, [...(late.get(id) ?? []), path.replace(/\.source$/, "")]);
    return source;
  };
  parsed.data.cards.forEach((c, i) => {
    const source = cites(`cards.${i}.source`, c.source);
    // The writer's own words are what the article is: a report or an opinion piece.
    if (source && isOwnWords(c.speaker, source) && c.sourceType !== source.type)
      problems.push(
        `${file}: cards.${i}.sourceType: these are the article's own words (its writer's), and ${c.source} is ${source.type === "report" ? "a news report" : "an opinion piece"}: set sourceType to "${source.type}"`,
      );
  });
  parsed.data.quiz.forEach((q, i) => cites(`quiz.${i}.source`, q.source));
  for (const [id, paths] of late)
    problems.push(
      `${file}: frame.year: ${paths.join(", ")} cite "${id}", from ${known.get(id)!.year} or later, after the debate's year (${year}); set the year to ${known.get(id)!.year} or later, or cite other articles`,
    );
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}


/** Every quote card, and every fact card's basis, must appear verbatim in the text of the source it names. */
export function findMisquotes(file: string, scenario: Scenario, sources: readonly Source[], texts: Map<string, string>): string[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const problems: string[] = [];
  scenario.cards.forEach((card, i) => {
    const [field, words] = card.kind === "quote" ? ["text", card.text] : ["basis", card.basis];
    if (words === undefined) return;
    const source = byId.get(card.source);
    const body = source && texts.get(source.file);
    if (body === undefined) {
      problems.push(`${file}: cards.${i}.source: no text found for source "${card.source}"`);
    } else if (!normalizeForQuote(body).includes(normalizeForQuote(words))) {
      problems.push(`${file}: cards.${i}.${field}: card "${card.id}" ${card.kind === "quote" ? "is" : "has a basis that is"} not verbatim in ${source!.file}`);
    }
  });
  return problems;
}

export async function readSourceTexts(dir: string, sources: readonly Source[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const s of sources) {
    try {
      texts.set(s.file, await readFile(path.join(dir, s.file), "utf8"));
    } catch {
      // reported per card by findMisquotes
    }
  }
  return texts;
}

export type BundledContent = {
  sources: Source[];
  scenarios: { file: string; scenario: Scenario }[];
  problems: string[];
};

/** Loads every pack under content/scenarios; a broken pack is reported and left out. */
export async function loadBundledContent(dir = contentDir): Promise<BundledContent> {
  const sourcesFile = path.join(dir, "sources.yaml");
  const sources = parseSources(path.relative(process.cwd(), sourcesFile), await readFile(sourcesFile, "utf8"));
  if (!sources.ok) return { sources: [], scenarios: [], problems: sources.problems };
  const scenarios: BundledContent["scenarios"] = [];
  const problems: string[] = [];
  const files = (await readdir(path.join(dir, "scenarios"))).filter((f) => /\.ya?ml$/.test(f)).sort();
  const seenIds = new Map<string, string>();
  for (const name of files) {
    const full = path.join(dir, "scenarios", name);
    const file = path.relative(process.cwd(), full);
    const result = parseScenario(file, await readFile(full, "utf8"), sources.value);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const clash = seenIds.get(result.value.id);
    if (clash) {
      problems.push(`${file}: id: "${result.value.id}" is already used by ${clash}`);
      continue;
    }
    seenIds.set(result.value.id, file);
    scenarios.push({ file, scenario: result.value });
  }
  return { sources: sources.value, scenarios, problems };
}
