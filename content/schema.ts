// The scenario pack format. Every pack is parsed with `scenarioSchema` before the app
// or `npm run content:check` uses it; cross-references (card ids, source ids, answers)
// are checked here too so a mistake is caught before class, with a path to the field.
import { z } from "zod";
import { ROUND_SECONDS } from "./limits";

export const MAX_QUOTE_WORDS = 40;
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
});
export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export type Source = z.infer<typeof sourceSchema>;

export const cardSchema = z.strictObject({
  id,
  kind: z.enum(["quote", "fact"]),
  text,
  speaker: text.describe('who said it, or "the article"'),
  source: id,
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
const quizBase = {
  id,
  prompt: text,
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

const uniqueIds = (items: { id: string }[], path: string, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
};

export const scenarioSchema = z
  .strictObject({
    id,
    title: text,
    motion: text,
    level: text.describe("age or level hint, e.g. upper secondary (15-18)"),
    durationMinutes: z.number().int().min(10).max(300),
    background: text.refine(
      (s) => wordCount(s) >= BACKGROUND_WORDS.min && wordCount(s) <= BACKGROUND_WORDS.max,
      { error: (issue) => `must be ${BACKGROUND_WORDS.min}-${BACKGROUND_WORDS.max} words (has ${wordCount(String(issue.input))})` },
    ),
    learningGoals: z.array(text).min(1),
    glossary: z.array(z.strictObject({ term: text, definition: text })).min(1),
    sides: z.array(sideSchema).min(2, "needs at least two sides").max(5, "at most five sides"),
    cards: z.array(cardSchema).min(1),
    rounds: z.array(roundSchema).min(1),
    polls: z.array(pollSchema).min(1),
    quiz: z.array(quizItemSchema).min(1),
    rubric: rubricSchema.default(defaultRubric),
  })
  .superRefine((s, ctx) => {
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
    s.cards.forEach((card, i) => {
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

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Side = Scenario["sides"][number];
export type EvidenceCard = Scenario["cards"][number];
export type QuizItem = Scenario["quiz"][number];

/** What a session stores: the scenario plus the sources it cites, frozen at the version it started with. */
export type PackedScenario = Scenario & { sources: Source[] };

export function packScenario(scenario: Scenario, sources: readonly Source[]): PackedScenario {
  const cited = new Set([...scenario.cards.map((c) => c.source), ...scenario.quiz.map((q) => q.source)]);
  return { ...scenario, sources: sources.filter((s) => cited.has(s.id)) };
}
