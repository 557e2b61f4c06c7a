// The content format as a teacher meets it: every bundled pack is valid, and each kind of
// mistake in a pack is reported as one line `file: path.to.field: what is wrong`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { contentDir, findMisquotes, loadBundledContent, parseScenario, readSourceTexts, scenariosDir } from "../../content/load";
import { floorTime, shortPlanOf } from "../../content/plans";
import { packSummary } from "../../content/summary";
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
      // The schema checks a short plan when there is one; every bundled pack offers one.
      expect(shortPlanOf(scenario.rounds).length, `${where} short plan`).toBeGreaterThan(0);
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

describe("the check's summary of a pack", () => {
  it("shows each side's stance and cards, each case's floor time in both plans, and the quiz by skill", () => {
    const pack = parseScenario(FILE, validText, bundled.sources);
    if (!pack.ok) throw new Error(pack.problems.join("\n"));
    const s = pack.value;
    const lines = packSummary(s);
    expect(lines[0]).toBe(`${s.id} (set in ${s.frame.year}): ${s.motion}`);
    for (const side of s.sides) expect(lines.some((l) => l.includes(`(${side.id}): ${side.stance}`) && l.endsWith(`; ${side.cards.length} cards`))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^  floor time: plan for [\d.]+ min, against [\d.]+ min; short plan for [\d.]+ min, against [\d.]+ min \([\d.]+ min in all\)$/));
    const recall = s.quiz.filter((q) => q.skill === "recall").length;
    expect(lines.at(-1)).toMatch(new RegExp(`^  quiz: ${s.quiz.length} questions: recall ${recall}, `));
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
      `${FILE}: rounds: the plan gives the case for the motion 480 s and the case against 0 s of speaking; give each the same floor time`,
      `${FILE}: rounds: the short plan gives the case for the motion 1200 s and the case against 0 s of speaking; give each the same floor time`,
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
    expect(problemsOf(pack)).toEqual([
      `${FILE}: polls: needs a motion poll that runs after the debate`,
      `${FILE}: rounds: the plan needs a round that runs the motion poll after the debate, after the last speech`,
      `${FILE}: rounds: the short plan needs a round that runs the motion poll after the debate, after the last speech`,
    ]);
  });

  it("names a poll round whose poll does not exist", () => {
    const pack = validPack();
    // Not a motion poll's round, which the plans also need.
    const i = indexWhere(pack.rounds, (r) => r.kind === "poll" && pack.polls.find((p) => p.id === r.poll)?.kind !== "motion");
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

describe("a pack a debate coach would sign", () => {
  const sideIndex = (pack: ScenarioInput, stance: "for" | "against") => indexWhere(pack.sides, (x) => x.stance === stance);

  it("asks a mixed side which way it leans, and only a mixed side", () => {
    const pack = validPack();
    const m = indexWhere(pack.sides, (x) => x.stance === "mixed");
    const leans = pack.sides[m].leans!;
    delete pack.sides[m].leans;
    const a = sideIndex(pack, "against");
    pack.sides[a].leans = "against";
    const problems = problemsOf(pack);
    expect(problems).toContain(`${FILE}: sides.${m}.leans: a mixed side must say which way it leans: "for" or "against"`);
    expect(problems).toContain(`${FILE}: sides.${a}.leans: only a mixed side leans; this side is "against"`);
    // A side that leans nowhere speaks for neither case, so its time tilts both plans.
    expect(problems.filter((p) => p.includes("give each the same floor time"))).toHaveLength(2);
    pack.sides[m].leans = leans;
    delete pack.sides[a].leans;
    expect(problemsOf(pack)).toEqual([]);
  });

  it("gives the cases for and against the same floor time", () => {
    const pack = validPack();
    // The side against the motion that leaves the opening gives its time to the other sides.
    const against = pack.sides[sideIndex(pack, "against")].id;
    const i = indexWhere(pack.rounds, (r) => r.kind === "opening" && (r.sides ?? []).includes(against));
    const opening = pack.rounds[i];
    const floor = (p: ScenarioInput, short = false) => {
      const rounds = p.rounds.map((r) => ({ ...r, sides: r.sides ?? [] }));
      return floorTime(short ? shortPlanOf(rounds) : rounds, p.sides);
    };
    const before = floor(validPack());
    opening.sides = opening.sides!.filter((id) => id !== against);
    const [after, afterShort] = [floor(pack), floor(pack, true)];
    expect(before.for).toBeCloseTo(before.against, 0);
    const tilted = (name: string, f: { for: number; against: number }) =>
      `${FILE}: rounds: the ${name} gives the case for the motion ${Math.round(f.for)} s and the case against ${Math.round(f.against)} s of speaking; give each the same floor time`;
    expect(problemsOf(pack)).toEqual(opening.short === undefined ? [tilted("plan", after)] : [tilted("plan", after), tilted("short plan", afterShort)]);
  });

  it("keeps the short plan to one class period, with the motion polled before and after", () => {
    const pack = validPack();
    const speaking = indexWhere(pack.rounds, (r) => r.short !== undefined && r.kind === "opening");
    pack.rounds[speaking].short = 3000;
    const after = indexWhere(pack.rounds, (r) => r.short !== undefined && r.poll === "motion-after");
    delete pack.rounds[after].short;
    const problems = problemsOf(pack);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${FILE}: rounds: the short plan runs [\\d.]+ min; it must fit one class period: 15 to 23 min$`)));
    expect(problems).toContainEqual(`${FILE}: rounds: the short plan needs a round that runs the motion poll after the debate, after the last speech`);
  });

  it("polls the motion before the first speech and after the last, in each plan", () => {
    const pack = validPack();
    // The after poll moved to the start: both motion polls now come before anyone speaks.
    const after = indexWhere(pack.rounds, (r) => r.poll === "motion-after");
    const [round] = pack.rounds.splice(after, 1);
    pack.rounds.unshift(round);
    expect(problemsOf(pack)).toEqual([
      `${FILE}: rounds: the plan needs a round that runs the motion poll after the debate, after the last speech`,
      `${FILE}: rounds: the short plan needs a round that runs the motion poll after the debate, after the last speech`,
    ]);
  });

  it("gives a quiz round time for the questions it asks", () => {
    const pack = validPack();
    const i = indexWhere(pack.rounds, (r) => r.kind === "quiz");
    pack.rounds[i].questions = 12;
    pack.rounds[i].seconds = 300;
    // The bank's questions take 20 s each on average, then 10 s to read the answer.
    for (const q of pack.quiz) q.seconds = 20;
    expect(problemsOf(pack)).toEqual([
      `${FILE}: rounds: in the plan, "${pack.rounds[i].title}" has 300 s for 12 questions; give it at least 30 s a question (the bank's average time to answer, and 10 s to read the answer), or ask fewer`,
    ]);
    // Quick questions fit more into the same time.
    for (const q of pack.quiz) q.seconds = 10;
    expect(problemsOf(pack)).toEqual([]);
  });

  it("names a fact card without the article's words it rests on, and a quote that has them", () => {
    const pack = validPack();
    const f = indexWhere(pack.cards, (c) => c.kind === "fact");
    delete pack.cards[f].basis;
    const q = indexWhere(pack.cards, (c) => c.kind === "quote");
    pack.cards[q].basis = pack.cards[q].text;
    expect(new Set(problemsOf(pack))).toEqual(
      new Set([
        `${FILE}: cards.${f}.basis: a fact card needs its basis: the article's words it rests on`,
        `${FILE}: cards.${q}.basis: a quote is its own basis; remove this`,
      ]),
    );
  });

  it("names a card whose source type does not fit its speaker or its article", () => {
    const pack = validPack();
    const own = indexWhere(pack.cards, (c) => c.speaker === "the article" && c.source.startsWith("voa-"));
    pack.cards[own].sourceType = "opinion";
    const claim = indexWhere(pack.cards, (c) => c.speaker === "the article" && c.source.startsWith("kt-"));
    pack.cards[claim].sourceType = "claim";
    expect(problemsOf(pack)).toEqual([
      `${FILE}: cards.${claim}.sourceType: a claim is made by a party to the dispute; name them as the speaker, not "the article"`,
    ]);
    const unknown = indexWhere(pack.cards, (c) => c.speaker !== "the article");
    const kept = pack.cards[unknown].sourceType;
    (pack.cards[unknown] as { sourceType: string }).sourceType = "rumour";
    // A field of the wrong kind stops the checks across fields until it is fixed.
    expect(problemsOf(pack)).toEqual([`${FILE}: cards.${unknown}.sourceType: must be one of: report, opinion, claim`]);
    pack.cards[unknown].sourceType = kept;
    pack.cards[claim].sourceType = "report";
    // An opinion writer named as the speaker of their own piece is its own words too.
    const author = bundled.sources.find((s) => s.author)!;
    const byAuthor = indexWhere(pack.cards, (c) => c.source === author.id && c.speaker.includes(author.author!));
    pack.cards[byAuthor].sourceType = "claim";
    const own_ = (i: number, type: string, what: string) =>
      `${FILE}: cards.${i}.sourceType: these are the article's own words (its writer's), and ${pack.cards[i].source} is ${what}: set sourceType to "${type}"`;
    expect(problemsOf(pack)).toEqual(
      [
        [own, own_(own, "report", "a news report")],
        [claim, own_(claim, "opinion", "an opinion piece")],
        [byAuthor, own_(byAuthor, "opinion", "an opinion piece")],
      ]
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, line]) => line),
    );
  });

  it("frames the motion: its own words defined, the year named in its polls, no article from after that year", () => {
    const pack = validPack();
    const year = pack.frame.year;
    pack.frame.terms.push({ term: "sanctions", meaning: "Not a word of this motion." });
    // A fragment of a word is not a word of the motion, and a term is defined once.
    pack.frame.terms.push({ term: pack.motion.split(" ")[1].slice(1), meaning: "Part of a word." });
    pack.frame.terms.push({ ...pack.frame.terms[0] });
    const poll = indexWhere(pack.polls, (p) => p.kind === "motion");
    pack.polls[poll].prompt = "Where do you stand on the motion?";
    const newest = Math.max(...bundled.sources.map((s) => s.year));
    pack.frame.year = newest - 1;
    const late = indexWhere(pack.cards, (c) => bundled.sources.find((s) => s.id === c.source)!.year === newest);
    const problems = problemsOf(pack);
    const n = pack.frame.terms.length;
    expect(problems).toContain(`${FILE}: frame.terms.${n - 3}.term: "sanctions" is not in the motion; define the motion's own words`);
    expect(problems).toContain(`${FILE}: frame.terms.${n - 2}.term: "${pack.frame.terms[n - 2].term}" is not in the motion; define the motion's own words`);
    expect(problems).toContain(`${FILE}: frame.terms.${n - 1}.term: "${pack.frame.terms[0].term}" is defined twice`);
    expect(problems).toContain(`${FILE}: polls.${poll}.prompt: a motion poll names the year the debate is set in (${newest - 1})`);
    expect(year).toBeGreaterThanOrEqual(newest - 1);
    // The schema's rules pass first; the sources are checked once the pack is well formed.
    pack.frame.terms.splice(-3);
    pack.polls = validPack().polls.map((p) => ({ ...p, prompt: p.prompt.replace(String(year), String(newest - 1)) }));
    const lateId = pack.cards[late].source;
    expect(problemsOf(pack)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${FILE}: frame.year: (cards|quiz)\\.\\d+.* cite "${lateId}", from ${newest} or later, after the debate's year \\(${newest - 1}\\); set the year to ${newest} or later, or cite other articles$`),
      ),
    );
    expect(problemsOf(pack).find((p) => p.includes(`cite "${lateId}"`))).toContain(`cards.${late}`);
  });

  it("counts a year that only dates a question as no figure asked about", () => {
    const pack = validPack();
    for (const i of [0, 1, 2]) pack.quiz[i].prompt = `In the 2016 visit: ${pack.quiz[i].prompt}`;
    expect(problemsOf(pack)).toEqual([]);
  });

  it("asks for reading-skill questions and for figures that do not repeat", () => {
    const pack = validPack();
    for (const q of pack.quiz) q.skill = "recall";
    const n = pack.quiz.length;
    const repeated = [0, 1, 2];
    for (const i of repeated) pack.quiz[i].prompt = `${pack.quiz[i].prompt} (about the 600,000 workers)`;
    expect(problemsOf(pack)).toEqual([
      `${FILE}: quiz: 0 of ${n} questions practise a reading skill; at least ${Math.ceil(n / 4)} (a quarter) must have a skill other than "recall"`,
      `${FILE}: quiz.2.prompt: 3 questions ask about the figure 600000 (quiz 0, 1, 2); at most 2`,
    ]);
  });

  it("needs a teacher's guide and a framed motion", () => {
    const pack = validPack() as Partial<ScenarioInput>;
    delete pack.guide;
    (pack as { frame: unknown }).frame = { year: 2016, terms: [] };
    expect(problemsOf(pack as ScenarioInput)).toEqual([
      `${FILE}: frame.terms: define at least one key term of the motion`,
      `${FILE}: frame.burden: is missing; this field is required`,
      `${FILE}: guide: is missing; this field is required`,
    ]);
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

  it("checks a fact card's basis, not its paraphrase", () => {
    const fact = (basis: string): Scenario => ({ ...scenario, cards: [{ ...quote, kind: "fact", text: "A paraphrase, not in the article.", basis }] });
    expect(findMisquotes(FILE, fact(quote.text), bundled.sources, articleWith(quote.text))).toEqual([]);
    expect(findMisquotes(FILE, fact(`${quote.text} and more`), bundled.sources, articleWith(quote.text))).toEqual([
      `${FILE}: cards.0.basis: card "${quote.id}" has a basis that is not verbatim in ${source.file}`,
    ]);
  });

  it("reports a quote whose article text is missing from the sources directory", async () => {
    const texts = await readSourceTexts(path.join(scenariosDir, "no-such-directory"), bundled.sources);
    expect(findMisquotes(FILE, withQuote(quote.text), bundled.sources, texts)).toEqual([
      `${FILE}: cards.0.source: no text found for source "${quote.source}"`,
    ]);
  });
});
