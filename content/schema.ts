// The scenario pack format. Every pack is parsed with `scenarioSchema` before the app
// or `npm run content:check` uses it; cross-references (card ids, source ids, answers)
// are checked here too so a mistake is caught before class, with a path to the field.
import { z } from "zod";
import { floorTime, minutes, planSeconds, SHORT_PLAN_SECONDS, shortPlanOf, SPEAKING_ROUNDS } from "./plans";
import { ROUND_SECONDS } from "./limits";
import { quizSkills } from "./skills";
import { ARTICLE_SPEAKER, isArticleSpeaker } from "./speakers";

export const MAX_QUOTE_WORDS = 40;
/** A fact card's basis: the article's own words the paraphrase rests on, checked like a quote. */
export const MAX_BASIS_WORDS = 60;
export const BACKGROUND_WORDS = { min: 150, max: 300 } as const;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. us-state-department");
const text = z.string().trim().min(1, "must not be empty");

export const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export const sourceSchema = z.strictObject({
  id,
  outlet: text,
  title: text,
  author: text.nullable().describe("null where the article gives none"),
  period: text.describe("the date or period as the text places it"),
  file: text.describe("the article's file name in the sources directory"),
  type: z.enum(["report", "opinion"]).describe("report: a news report; opinion: an opinion or commentary piece"),
  year: z.number().int().min(1990).max(2100).describe("the earliest year the article can be from"),
});
export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export type Source = z.infer<typeof sourceSchema>;

/** What kind of source a card's words are: the skill of weighing evidence starts with telling these apart. */
export const sourceTypes = ["report", "opinion", "claim"] as const;
export type SourceType = (typeof sourceTypes)[number];
export { ARTICLE_SPEAKER, isArticleSpeaker } from "./speakers";

export const cardSchema = z.strictObject({
  id,
  kind: z.enum(["quote", "fact"]),
  text,
  speaker: text.describe('who said it, or "the article"'),
  source: id,
  sourceType: z
    .enum(sourceTypes)
    .describe("report: a news report's own account; opinion: an opinion or commentary writer or analyst; claim: a claim by a party to the dispute"),
  basis: text.optional().describe("fact cards only: the article's words the fact rests on, verbatim"),
  use: text.describe("one line on how a debater can use the card"),
});

const briefSchema = z.strictObject({
  interests: z.array(text).min(1),
  talkingPoints: z.array(text).min(3, "needs at least three talking points"),
  expectedAttacks: z
    .array(z.strictObject({ attack: text, response: text }))
    .min(1, "needs at least one expected attack with a response"),
});

export const sideSchema = z.strictObject({
  id,
  name: text,
  who: text.describe("who they are, in a sentence or two"),
  stance: z.enum(["for", "against", "mixed"]).describe("the side's position on the motion"),
  leans: z.enum(["for", "against"]).optional().describe("a mixed side only: which case it finally argues"),
  position: text,
  brief: briefSchema,
  cards: z.array(id).min(1, "a side needs at least one evidence card"),
});

export const roundKinds = ["prep", "opening", "rebuttal", "crossfire", "closing", "poll", "quiz"] as const;
export const roundSchema = z.strictObject({
  kind: z.enum(roundKinds),
  title: text,
  sides: z.array(id).default([]).describe("the sides that speak in this round"),
  seconds: z.number().int().min(ROUND_SECONDS.min).max(ROUND_SECONDS.max),
  poll: id.optional().describe("the poll a poll round runs"),
  questions: z.number().int().min(1).max(50).optional().describe("how many quiz questions a quiz round asks"),
  short: z
    .number()
    .int()
    .min(ROUND_SECONDS.min)
    .max(ROUND_SECONDS.max)
    .optional()
    .describe("the round's length in the short plan; a round without it is left out of the short plan"),
});

export const pollSchema = z.strictObject({
  id,
  prompt: text,
  kind: z
    .enum(["motion", "scale", "choice", "multiple", "text"])
    .describe("motion: for / against / undecided; scale: 1-5 agreement; choice: one option; multiple: any options; text: a short answer shown as a word cloud"),
  options: z.array(text).optional().describe("only for choice and multiple polls; the other kinds have fixed options"),
  scale: z.boolean().optional().describe("a motion poll answered on the 1-5 agreement scale instead of for / against / undecided"),
  results: z.enum(["live", "hidden"]).optional().describe("shown as votes arrive, or once the teacher reveals them; motion polls default to hidden, others to live"),
  anonymous: z.boolean().optional().describe("no one, the teacher included, sees who voted what"),
  when: z.enum(["before", "after", "any"]),
});

/** A quiz question's time limit, in seconds. */
export const QUIZ_SECONDS = { min: 5, max: 120, default: 20 } as const;
export { quizSkills, type QuizSkill } from "./skills";
/** At least this share of a quiz bank practises a reading skill rather than recall. */
export const READING_SKILL_SHARE = 0.25;
/** A figure (17, 600,000, 2009) may be what at most this many questions ask about. */
export const MAX_QUESTIONS_PER_FIGURE = 2;

const quizBase = {
  id,
  prompt: text,
  skill: z.enum(quizSkills).describe("recall, or the reading skill the question practises"),
  explanation: text,
  source: id,
  seconds: z.number().int().min(QUIZ_SECONDS.min).max(QUIZ_SECONDS.max).default(QUIZ_SECONDS.default).describe("the time limit to answer"),
  points: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1).describe("points multiplier: 0 (practice), 1 or 2 (double points)"),
};
export const quizItemSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...quizBase, kind: z.literal("single"), options: z.array(text).min(2), answer: text }),
  z.strictObject({
    ...quizBase,
    kind: z.literal("multiple"),
    options: z.array(text).min(2),
    answer: z.array(text).min(1),
  }),
  z.strictObject({ ...quizBase, kind: z.literal("truefalse"), answer: z.boolean() }),
  z.strictObject({
    ...quizBase,
    kind: z.literal("numeric"),
    answer: z.number(),
    tolerance: z.number().min(0).default(0),
    unit: text.optional(),
  }),
]);

/** How many levels a rubric criterion has: a judge scores each criterion 1 to RUBRIC_LEVELS. */
export const RUBRIC_LEVELS = 5;
export const rubricCriterionSchema = z.strictObject({
  id,
  label: text,
  weight: z.number().positive(),
  // Written descriptors make a 1-5 score mean the same to every judge and explainable to a student.
  levels: z
    .array(text)
    .length(RUBRIC_LEVELS, `needs exactly ${RUBRIC_LEVELS} levels, one per score from 1 to ${RUBRIC_LEVELS}`)
    .describe("what each score means, from 1 (first) to 5 (last)"),
});
export const rubricSchema = z.array(rubricCriterionSchema).min(1);
export const defaultRubric: z.infer<typeof rubricSchema> = [
  {
    id: "argument",
    label: "Argument and reasoning",
    weight: 3,
    levels: [
      "No clear claim, or reasons that do not support it",
      "A claim with a weak or unclear reason",
      "A clear claim with one sound reason",
      "A clear claim with sound, connected reasons",
      "A clear claim, reasoned step by step, that weighs its own limits",
    ],
  },
  {
    id: "evidence",
    label: "Use of evidence",
    weight: 3,
    levels: [
      "No evidence, or evidence that does not fit the point",
      "Evidence that fits loosely, or is misquoted or unexplained",
      "Relevant, accurate evidence with little explanation",
      "Relevant, accurate evidence, explained but loosely tied to the point",
      "Apt, accurately quoted evidence, explained and tied to the point",
    ],
  },
  {
    id: "rebuttal",
    label: "Response to the other sides",
    weight: 2,
    levels: [
      "Ignores the other sides",
      "Mentions another side without answering it",
      "Answers one point of another side",
      "Answers the other sides' main points with reasons",
      "Answers the strongest points fairly and shows why they fall short",
    ],
  },
  {
    id: "delivery",
    label: "Clarity and respect",
    weight: 2,
    levels: [
      "Hard to follow, or disrespectful to others",
      "Partly clear; some dismissive or personal remarks",
      "Clear enough and polite",
      "Clear, well organised and respectful",
      "Clear, concise and persuasive, respectful throughout",
    ],
  },
];

export const glossaryEntrySchema = z.strictObject({
  term: text,
  definition: text,
  outside: z.boolean().default(false).describe("true when the definition states facts that are in none of the articles"),
});

/** The motion as a debate coach frames it: when it is set, what its words mean, what each side must show. */
export const frameSchema = z.strictObject({
  year: z.number().int().min(1990).max(2100).describe("the year the debate is set in; polls and the background share it"),
  terms: z
    .array(z.strictObject({ term: text.describe("words of the motion, as they appear in it"), meaning: text }))
    .min(1, "define at least one key term of the motion"),
  burden: z.strictObject({
    for: text.describe("what the side for the motion must show"),
    against: text.describe("what the side against the motion must show"),
  }),
});

export const guideSchema = z.strictObject({
  sides: text.describe("how to split a class into the sides"),
  speaking: text.describe("how points of information and crossfire work"),
  fairness: text.describe("discussing real, living politicians fairly"),
  notes: z
    .array(z.strictObject({ text, outside: z.boolean().default(false).describe("true when the note states facts in none of the articles") }))
    .default([])
    .describe("notes on the sources for the teacher, such as an article's likely error"),
});

// Quotes are compared with white space folded and curly quotes and dashes made straight, since
// the captured articles mix both and a teacher's editor may change them; so are motion terms.
export const normalizeForQuote = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

/** The figures in a text: 600,000 and 600000 are one figure; 10 percent and $10 billion share 10. */
export const figuresIn = (s: string) => (s.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((f) => Number(f.replace(/,/g, "")));

/**
 * What a question asks about: the figures of its prompt and of its correct answer, not the
 * distractors'. A year in the prompt only dates what is asked ("in VOA's 2016 report"); a year
 * that is the answer is asked about.
 */
function askedFigures(q: z.infer<typeof quizItemSchema>): Set<number> {
  const prompt = figuresIn(q.prompt.replace(/\b(?:19|20)\d\d\b/g, ""));
  const answer = q.kind === "single" ? figuresIn(q.answer) : q.kind === "multiple" ? figuresIn(q.answer.join(" ")) : q.kind === "numeric" ? [q.answer] : [];
  return new Set([...prompt, ...answer]);
}

const uniqueIds = (items: { id: string }[], path: string, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
};

const scenarioBase = z.strictObject({
  id,
  title: text,
  motion: text,
  frame: frameSchema,
  level: text.describe("age or level hint, e.g. upper secondary (15-18)"),
  durationMinutes: z.number().int().min(10).max(300),
  background: text.refine(
    (s) => wordCount(s) >= BACKGROUND_WORDS.min && wordCount(s) <= BACKGROUND_WORDS.max,
    { error: (issue) => `must be ${BACKGROUND_WORDS.min}-${BACKGROUND_WORDS.max} words (has ${wordCount(String(issue.input))})` },
  ),
  learningGoals: z.array(text).min(1),
  glossary: z.array(glossaryEntrySchema).min(1),
  sides: z.array(sideSchema).min(2, "needs at least two sides").max(5, "at most five sides"),
  cards: z.array(cardSchema).min(1),
  rounds: z.array(roundSchema).min(1),
  polls: z.array(pollSchema).min(1),
  quiz: z.array(quizItemSchema).min(1),
  rubric: rubricSchema.default(defaultRubric),
  guide: guideSchema,
});
type Round = z.infer<typeof roundSchema>;
/** A quiz round needs, per question it asks, the bank's average time to answer and this long to read the answer. */
export const QUIZ_REVEAL_SECONDS = 10;
/** How far apart the two cases' floor time may be, as a share of the larger: rounding, not a tilt. */
const FLOOR_TOLERANCE = 0.05;

export const scenarioSchema = scenarioBase.superRefine((s, ctx) => {
  uniqueIds(s.sides, "sides", ctx);
  uniqueIds(s.cards, "cards", ctx);
  uniqueIds(s.polls, "polls", ctx);
  uniqueIds(s.quiz, "quiz", ctx);
  uniqueIds(s.rubric, "rubric", ctx);

  const cardIds = new Set(s.cards.map((c) => c.id));
  const sideIds = new Set(s.sides.map((x) => x.id));
  const pollIds = new Set(s.polls.map((p) => p.id));
  const used = new Set<string>();
  s.sides.forEach((side, i) =>
    side.cards.forEach((c, j) => {
      used.add(c);
      if (!cardIds.has(c)) ctx.addIssue({ code: "custom", path: ["sides", i, "cards", j], message: `unknown card "${c}"` });
    }),
  );
  s.sides.forEach((side, i) => {
    if (side.stance === "mixed" && !side.leans)
      ctx.addIssue({ code: "custom", path: ["sides", i, "leans"], message: 'a mixed side must say which way it leans: "for" or "against"' });
    if (side.stance !== "mixed" && side.leans)
      ctx.addIssue({ code: "custom", path: ["sides", i, "leans"], message: `only a mixed side leans; this side is "${side.stance}"` });
  });
  s.cards.forEach((card, i) => {
    if (card.kind === "fact" && !card.basis)
      ctx.addIssue({ code: "custom", path: ["cards", i, "basis"], message: "a fact card needs its basis: the article's words it rests on" });
    if (card.kind === "quote" && card.basis)
      ctx.addIssue({ code: "custom", path: ["cards", i, "basis"], message: "a quote is its own basis; remove this" });
    if (card.basis && wordCount(card.basis) > MAX_BASIS_WORDS)
      ctx.addIssue({ code: "custom", path: ["cards", i, "basis"], message: `basis has ${wordCount(card.basis)} words; at most ${MAX_BASIS_WORDS}` });
    if (card.sourceType === "claim" && isArticleSpeaker(card.speaker))
      ctx.addIssue({ code: "custom", path: ["cards", i, "sourceType"], message: `a claim is made by a party to the dispute; name them as the speaker, not "${ARTICLE_SPEAKER}"` });
    if (!used.has(card.id))
      ctx.addIssue({ code: "custom", path: ["cards", i, "id"], message: `card "${card.id}" is given to no side` });
    if (card.kind === "quote" && wordCount(card.text) > MAX_QUOTE_WORDS)
      ctx.addIssue({
        code: "custom",
        path: ["cards", i, "text"],
        message: `quote has ${wordCount(card.text)} words; at most ${MAX_QUOTE_WORDS}`,
      });
  });
  s.rounds.forEach((round, i) => {
    round.sides.forEach((sd, j) => {
      if (!sideIds.has(sd)) ctx.addIssue({ code: "custom", path: ["rounds", i, "sides", j], message: `unknown side "${sd}"` });
    });
    if (round.kind === "poll" && !round.poll)
      ctx.addIssue({ code: "custom", path: ["rounds", i, "poll"], message: "a poll round must name its poll" });
    if (round.poll && !pollIds.has(round.poll))
      ctx.addIssue({ code: "custom", path: ["rounds", i, "poll"], message: `unknown poll "${round.poll}"` });
  });
  s.polls.forEach((poll, i) => {
    const chosen = poll.kind === "choice" || poll.kind === "multiple";
    if (chosen && (poll.options?.length ?? 0) < 2)
      ctx.addIssue({ code: "custom", path: ["polls", i, "options"], message: `a ${poll.kind} poll needs at least two options` });
    if (chosen && new Set(poll.options).size !== poll.options?.length)
      ctx.addIssue({ code: "custom", path: ["polls", i, "options"], message: "options must differ from each other" });
    if (poll.scale !== undefined && poll.kind !== "motion")
      ctx.addIssue({ code: "custom", path: ["polls", i, "scale"], message: "only a motion poll can choose the agreement scale" });
    if (!chosen && poll.options)
      ctx.addIssue({ code: "custom", path: ["polls", i, "options"], message: `a ${poll.kind} poll has fixed options; remove these` });
  });
  for (const when of ["before", "after"] as const) {
    if (!s.polls.some((p) => p.kind === "motion" && p.when === when))
      ctx.addIssue({ code: "custom", path: ["polls"], message: `needs a motion poll that runs ${when} the debate` });
  }
  s.polls.forEach((poll, i) => {
    if (poll.kind === "motion" && !poll.prompt.includes(String(s.frame.year)))
      ctx.addIssue({ code: "custom", path: ["polls", i, "prompt"], message: `a motion poll names the year the debate is set in (${s.frame.year})` });
  });
  const defined = new Set<string>();
  s.frame.terms.forEach((t, i) => {
    const term = normalizeForQuote(t.term).toLowerCase();
    if (!new RegExp(`(^|\\W)${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|\\W)`, "u").test(normalizeForQuote(s.motion).toLowerCase()))
      ctx.addIssue({ code: "custom", path: ["frame", "terms", i, "term"], message: `"${t.term}" is not in the motion; define the motion's own words` });
    if (defined.has(term)) ctx.addIssue({ code: "custom", path: ["frame", "terms", i, "term"], message: `"${t.term}" is defined twice` });
    defined.add(term);
  });
  checkPlan(s, s.rounds, "plan", ctx);
  const short = shortPlanOf(s.rounds);
  if (short.length) {
    const total = planSeconds(short);
    if (total < SHORT_PLAN_SECONDS.min || total > SHORT_PLAN_SECONDS.max)
      ctx.addIssue({
        code: "custom",
        path: ["rounds"],
        message: `the short plan runs ${minutes(total)}; it must fit one class period: ${SHORT_PLAN_SECONDS.min / 60} to ${SHORT_PLAN_SECONDS.max / 60} min`,
      });
    checkPlan(s, short, "short plan", ctx);
  }
  const reading = s.quiz.filter((q) => q.skill !== "recall").length;
  const needed = Math.ceil(s.quiz.length * READING_SKILL_SHARE);
  if (reading < needed)
    ctx.addIssue({
      code: "custom",
      path: ["quiz"],
      message: `${reading} of ${s.quiz.length} questions practise a reading skill; at least ${needed} (a quarter) must have a skill other than "recall"`,
    });
  const askedBy = new Map<number, number[]>();
  s.quiz.forEach((q, i) => {
    for (const figure of askedFigures(q)) askedBy.set(figure, [...(askedBy.get(figure) ?? []), i]);
  });
  for (const [figure, questions] of askedBy)
    if (questions.length > MAX_QUESTIONS_PER_FIGURE)
      ctx.addIssue({
        code: "custom",
        path: ["quiz", questions[MAX_QUESTIONS_PER_FIGURE], "prompt"],
        message: `${questions.length} questions ask about the figure ${figure} (quiz ${questions.join(", ")}); at most ${MAX_QUESTIONS_PER_FIGURE}`,
      });
  s.quiz.forEach((q, i) => {
    if (q.kind === "single" && !q.options.includes(q.answer))
      ctx.addIssue({ code: "custom", path: ["quiz", i, "answer"], message: `answer "${q.answer}" is not among the options` });
    if (q.kind === "multiple")
      q.answer.forEach((a, j) => {
        if (!q.options.includes(a))
          ctx.addIssue({ code: "custom", path: ["quiz", i, "answer", j], message: `answer "${a}" is not among the options` });
      });
    if ((q.kind === "single" || q.kind === "multiple") && new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: "custom", path: ["quiz", i, "options"], message: "options must differ from each other" });
  });
});

/**
 * A plan is fair to the motion when the cases for and against it get the same floor time, and it
 * can measure persuasion when it polls the motion before and after the debate.
 */
function checkPlan(s: z.infer<typeof scenarioBase>, rounds: readonly Round[], name: string, ctx: z.RefinementCtx) {
  const floor = floorTime(rounds, s.sides);
  const larger = Math.max(floor.for, floor.against);
  if (larger === 0)
    ctx.addIssue({ code: "custom", path: ["rounds"], message: `the ${name} has no round in which sides speak` });
  else if (Math.abs(floor.for - floor.against) > larger * FLOOR_TOLERANCE)
    ctx.addIssue({
      code: "custom",
      path: ["rounds"],
      message: `the ${name} gives the case for the motion ${Math.round(floor.for)} s and the case against ${Math.round(floor.against)} s of speaking; give each the same floor time`,
    });
  // The before poll must come ahead of the first speech and the after poll after the last, or the
  // persuasion result measures nothing.
  const polls = new Map(s.polls.map((p) => [p.id, p]));
  const speaking = rounds.flatMap((r, i) => (SPEAKING_ROUNDS.has(r.kind) && r.sides.length ? [i] : []));
  const motionPoll = (r: Round, when: "before" | "after") => r.poll !== undefined && polls.get(r.poll)?.kind === "motion" && polls.get(r.poll)?.when === when;
  if (!rounds.some((r, i) => motionPoll(r, "before") && i < (speaking[0] ?? Infinity)))
    ctx.addIssue({ code: "custom", path: ["rounds"], message: `the ${name} needs a round that runs the motion poll before the debate, ahead of the first speech` });
  if (!rounds.some((r, i) => motionPoll(r, "after") && i > (speaking.at(-1) ?? -1)))
    ctx.addIssue({ code: "custom", path: ["rounds"], message: `the ${name} needs a round that runs the motion poll after the debate, after the last speech` });
  const perQuestion = Math.round(s.quiz.reduce((sum, q) => sum + q.seconds, 0) / Math.max(1, s.quiz.length)) + QUIZ_REVEAL_SECONDS;
  rounds.forEach((r) => {
    if (r.kind === "quiz" && r.questions !== undefined && r.seconds < r.questions * perQuestion)
      ctx.addIssue({
        code: "custom",
        path: ["rounds"],
        message: `in the ${name}, "${r.title}" has ${r.seconds} s for ${r.questions} questions; give it at least ${perQuestion} s a question (the bank's average time to answer, and ${QUIZ_REVEAL_SECONDS} s to read the answer), or ask fewer`,
      });
  });
}

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Side = Scenario["sides"][number];
export type EvidenceCard = Scenario["cards"][number];
export type QuizItem = Scenario["quiz"][number];

/**
 * What a session stores: the scenario plus the sources it cites, frozen at the version it started
 * with. Versions stored before packs framed the motion and carried a teacher's guide lack both.
 * (`withReadingLabels` in server/live/scenarios.ts fills in the labels their data does settle.)
 */
export type PackedScenario = Omit<Scenario, "frame" | "guide" | "cards"> &
  Partial<Pick<Scenario, "frame" | "guide">> & { cards: StoredCard[]; sources: Source[] };
/** A card as stored: one from before cards were labelled may not say what kind of source it is. */
export type StoredCard = Omit<EvidenceCard, "sourceType"> & { sourceType?: SourceType };

export function packScenario(scenario: Scenario, sources: readonly Source[]): PackedScenario {
  const cited = new Set([...scenario.cards.map((c) => c.source), ...scenario.quiz.map((q) => q.source)]);
  return { ...scenario, sources: sources.filter((s) => cited.has(s.id)) };
}
