// The content format as a teacher meets it: every bundled pack is valid, and each kind of
// mistake in a pack is reported as one line `file: path.to.field: what is wrong`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { contentDir, findMisquotes, loadBundledContent, parseScenario, readSourceTexts, scenariosDir } from "../../content/load";
import { defaultRubric, MAX_QUOTE_WORDS, type Scenario, type ScenarioInput } from "../../content/schema";

const FILE = "broken.yaml";
const bundled = await loadBundledContent();
const validText = await readFile(path.join(scenariosDir, "conditioned-engagement.yaml"), "utf8");

/** A fresh, editable copy of a valid pack, so each case breaks exactly one thing. */
const validPack = () => parse(validText) as ScenarioInput;

function problemsOf(pack: ScenarioInput | string): string[] {
  const result = parseScenario(FILE, typeof pack === "string" ? pack : stringify(pack), bundled.sources);
  return result.ok ? [] : result.problems;
}

const indexWhere = <T>(items: readonly T[], test: (item: T) => boolean) => {
  const i = items.findIndex(test);
  if (i < 0) throw new Error("the valid pack no longer has the item this test breaks");
  return i;
};

describe("the bundled packs", () => {
  it("all parse, with the sides, cards, quiz and polls a class needs", () => {
    expect(bundled.problems).toEqual([]);
    expect(bundled.scenarios.length).toBeGreaterThanOrEqual(4);
    for (const { file, scenario } of bundled.scenarios) {
      const where = `${file} (${scenario.id})`;
      expect(scenario.sides.length, where).toBeGreaterThanOrEqual(3);
      expect(scenario.sides.length, where).toBeLessThanOrEqual(5);
      for (const side of scenario.sides) expect(side.cards.length, `${where} side ${side.id}`).toBeGreaterThanOrEqual(4);
      expect(scenario.quiz.length, where).toBeGreaterThanOrEqual(12);
      // A pack without its own rubric gets the default, which must meet the same rules.
      for (const c of scenario.rubric) expect(c.levels.filter((l) => l.trim()), `${where} rubric ${c.id}`).toHaveLength(5);
      for (const when of ["before", "after"]) {
        expect(scenario.polls.some((p) => p.kind === "motion" && p.when === when), `${where} motion poll ${when}`).toBe(true);
      }
    }
  });

  it("have ids no two packs share", () => {
    const ids = bundled.scenarios.map((s) => s.scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the pack the broken cases start from is valid as written", () => {
    expect(problemsOf(validText)).toEqual([]);
  });
});

describe("content/README.md", () => {
  it("has an example that fails only where the README says it does", async () => {
    const readme = await readFile(path.join(contentDir, "README.md"), "utf8");
    const example = readme.split("```yaml\n")[1]?.split("```")[0];
    expect(example).toBeDefined();
    expect(problemsOf(example!)).toEqual([
      `${FILE}: background: must be 150-300 words (has 12)`,
      `${FILE}: sides: needs at least two sides`,
    ]);
  });
});

describe("a broken pack is reported per field", () => {
  it("names an unknown source on a card", () => {
    const pack = validPack();
    pack.cards[2].source = "no-such-article";
    expect(problemsOf(pack)).toEqual([`${FILE}: cards.2.source: unknown source "no-such-article"`]);
  });

  it("names an unknown source on a quiz question", () => {
    const pack = validPack();
    pack.quiz[0].source = "no-such-article";
    expect(problemsOf(pack)).toEqual([`${FILE}: quiz.0.source: unknown source "no-such-article"`]);
  });

  it("names a card id used twice", () => {
    const pack = validPack();
    const copy = { ...pack.cards[0], text: "Another card that reuses the first card's id." };
    pack.cards.push(copy);
    expect(problemsOf(pack)).toEqual([`${FILE}: cards.${pack.cards.length - 1}.id: duplicate id "${copy.id}"`]);
  });

  it("names a single-choice answer that is not among the options", () => {
    const pack = validPack();
    const i = indexWhere(pack.quiz, (q) => q.kind === "single");
    pack.quiz[i].answer = "None of these";
    expect(problemsOf(pack)).toEqual([`${FILE}: quiz.${i}.answer: answer "None of these" is not among the options`]);
  });

  it("names each multiple-select answer that is not among the options", () => {
    const pack = validPack();
    const i = indexWhere(pack.quiz, (q) => q.kind === "multiple");
    const q = pack.quiz[i] as Extract<ScenarioInput["quiz"][number], { kind: "multiple" }>;
    q.answer = [q.answer[0], "None of these"];
    expect(problemsOf(pack)).toEqual([`${FILE}: quiz.${i}.answer.1: answer "None of these" is not among the options`]);
  });

  it("names a side without cards", () => {
    const pack = validPack();
    // The side's cards go to another side, so none is left unused and only the empty side is reported.
    pack.sides[0].cards = [...new Set([...pack.sides[0].cards, ...pack.sides[1].cards])];
    pack.sides[1].cards = [];
    expect(problemsOf(pack)).toEqual([`${FILE}: sides.1.cards: a side needs at least one evidence card`]);
  });

  it("names a side that lists an unknown card", () => {
    const pack = validPack();
    pack.sides[2].cards.push("no-such-card");
    const j = pack.sides[2].cards.length - 1;
    expect(problemsOf(pack)).toEqual([`${FILE}: sides.2.cards.${j}: unknown card "no-such-card"`]);
  });

  it("names a card that no side uses", () => {
    const pack = validPack();
    pack.cards.push({ ...pack.cards[0], id: "spare-card" });
    expect(problemsOf(pack)).toEqual([`${FILE}: cards.${pack.cards.length - 1}.id: card "spare-card" is given to no side`]);
  });

  it("names a quote over the length limit, and allows one at the limit", () => {
    const pack = validPack();
    const i = indexWhere(pack.cards, (c) => c.kind === "quote");
    pack.cards[i].text = Array.from({ length: MAX_QUOTE_WORDS }, (_, n) => `word${n}`).join(" ");
    expect(problemsOf(pack)).toEqual([]);
    pack.cards[i].text += " more";
    expect(problemsOf(pack)).toEqual([`${FILE}: cards.${i}.text: quote has 41 words; at most ${MAX_QUOTE_WORDS}`]);
  });

  it("names a background that is too short", () => {
    const pack = validPack();
    pack.background = "Cambodia and the United States disagree.";
    expect(problemsOf(pack)).toEqual([`${FILE}: background: must be 150-300 words (has 6)`]);
  });

  it("asks for a motion poll after the debate when there is none", () => {
    const pack = validPack();
    const i = indexWhere(pack.polls, (p) => p.kind === "motion" && p.when === "after");
    pack.polls[i].when = "any";
    expect(problemsOf(pack)).toEqual([`${FILE}: polls: needs a motion poll that runs after the debate`]);
  });

  it("names a poll round whose poll does not exist", () => {
    const pack = validPack();
    const i = indexWhere(pack.rounds, (r) => r.kind === "poll");
    pack.rounds[i].poll = "no-such-poll";
    expect(problemsOf(pack)).toEqual([`${FILE}: rounds.${i}.poll: unknown poll "no-such-poll"`]);
  });

  it("names a rubric criterion without its five levels", () => {
    const pack = validPack();
    const levels = defaultRubric[0].levels;
    pack.rubric = [
      { id: "case", label: "The case", weight: 2 } as (typeof defaultRubric)[number],
      { id: "style", label: "Style", weight: 1, levels: levels.slice(0, 4) },
      { id: "sources", label: "Sources", weight: 1, levels: [...levels.slice(0, 4), ""] },
      { id: "manner", label: "Manner", weight: 1, levels },
    ];
    expect(problemsOf(pack)).toEqual([
      `${FILE}: rubric.0.levels: is missing; this field is required`,
      `${FILE}: rubric.1.levels: needs exactly 5 levels, one per score from 1 to 5`,
      `${FILE}: rubric.2.levels.4: must not be empty`,
    ]);
  });

  it("names a field the format does not have, at the top level and inside a side", () => {
    const pack = validPack() as ScenarioInput & { author?: string };
    pack.author = "A. Teacher";
    (pack.sides[0].brief as Record<string, unknown>).talkingpoints = ["a misspelt field name"];
    expect(problemsOf(pack)).toEqual([
      `${FILE}: sides.0.brief: unknown field "talkingpoints": check the spelling, or remove it`,
      `${FILE}: (top level): unknown field "author": check the spelling, or remove it`,
    ]);
  });

  it("names a missing required field", () => {
    const pack = validPack() as Partial<ScenarioInput>;
    delete pack.motion;
    expect(problemsOf(pack as ScenarioInput)).toEqual([`${FILE}: motion: is missing; this field is required`]);
  });

  it("names a field left empty", () => {
    const text = validText.replace(/^motion: .*$/m, "motion:");
    expect(problemsOf(text)).toEqual([`${FILE}: motion: is empty; fill it in`]);
  });

  it("lists what a kind may be when it is none of them", () => {
    const pack = validPack();
    (pack.quiz[0] as { kind: string }).kind = "numerical";
    (pack.sides[0] as { stance: string }).stance = "neutral";
    expect(problemsOf(pack)).toEqual([
      `${FILE}: sides.0.stance: must be one of: for, against, mixed`,
      `${FILE}: quiz.0.kind: must be one of: single, multiple, truefalse, numeric`,
    ]);
  });

  it("reports a YAML syntax error with its line number", () => {
    // A second `title:` line, as when a teacher pastes a new title without deleting the old one.
    const lines = validText.split("\n");
    const at = indexWhere(lines, (l) => l.startsWith("title:")) + 1;
    lines.splice(at, 0, "title: A second title");
    expect(problemsOf(lines.join("\n"))).toEqual([`${FILE}: line ${at + 1}: Map keys must be unique`]);
  });

  it("reports tab indentation with its line number", () => {
    expect(problemsOf("id: broken\nglossary:\n\t- term: CPP\n")).toEqual([`${FILE}: line 3: Tabs are not allowed as indentation`]);
  });

  it("reports a file that is not a scenario at all", () => {
    expect(problemsOf("just a sentence\n")).toEqual([`${FILE}: (top level): Invalid input: expected object, received string`]);
  });
});

describe("findMisquotes", () => {
  const { scenario } = bundled.scenarios.find((s) => s.scenario.id === "conditioned-engagement")!;
  const quoteIndex = indexWhere(scenario.cards, (c) => c.kind === "quote");
  const quote = scenario.cards[quoteIndex];
  const source = bundled.sources.find((s) => s.id === quote.source)!;

  /** The scenario with only the one quote card, so other cards need no article text. */
  const withQuote = (text: string): Scenario => ({ ...scenario, cards: [{ ...quote, text }] });
  const articleWith = (body: string) => new Map([[source.file, `Share\n\nSome reporting first. ${body} More reporting after.\n`]]);

  it("accepts a quote that appears verbatim", () => {
    expect(findMisquotes(FILE, withQuote(quote.text), bundled.sources, articleWith(quote.text))).toEqual([]);
  });

  it("accepts curly quotes against straight ones, and different white space", () => {
    const text = `The spokesman said "we will not" and it's final.`;
    const article = articleWith("The  spokesman\nsaid \u201Cwe will not\u201D and\tit\u2019s final.");
    expect(findMisquotes(FILE, withQuote(text), bundled.sources, article)).toEqual([]);
  });

  it("reports a changed quote, naming the card", () => {
    const changed = quote.text.replace(/\w+/, "Allegedly");
    expect(findMisquotes(FILE, withQuote(changed), bundled.sources, articleWith(quote.text))).toEqual([
      `${FILE}: cards.0.text: card "${quote.id}" is not verbatim in ${source.file}`,
    ]);
  });

  it("leaves fact cards alone", () => {
    const fact: Scenario = { ...scenario, cards: [{ ...quote, kind: "fact", text: "A paraphrase, not in the article." }] };
    expect(findMisquotes(FILE, fact, bundled.sources, articleWith(quote.text))).toEqual([]);
  });

  it("reports a quote whose article text is missing from the sources directory", async () => {
    const texts = await readSourceTexts(path.join(scenariosDir, "no-such-directory"), bundled.sources);
    expect(findMisquotes(FILE, withQuote(quote.text), bundled.sources, texts)).toEqual([
      `${FILE}: cards.0.source: no text found for source "${quote.source}"`,
    ]);
  });
});
