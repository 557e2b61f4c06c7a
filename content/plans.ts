// Rules of a pack's round plans. Floor time: how long each case on the motion speaks. A speaking
// round's time is shared equally by the sides it names, and a mixed side speaks for the case it
// leans to, so a plan is fair to the motion when the two totals match. The short plan: the
// rounds a pack gives a `short` length, for one class period. Pure and browser-safe: the schema
// checks plans with these, the engine starts the short plan and the preview shows the figures.

/** The rounds in which sides speak; prep, polls and quizzes give no one the floor. */
export const SPEAKING_ROUNDS: ReadonlySet<string> = new Set(["opening", "rebuttal", "crossfire", "closing"]);

/** A short plan fits one 25-30 minute class period, with time to join by code and to start and end. */
export const SHORT_PLAN_SECONDS = { min: 15 * 60, max: 23 * 60 } as const;

/** A plan's length in seconds. */
export const planSeconds = (rounds: readonly { seconds: number }[]) => rounds.reduce((sum, r) => sum + r.seconds, 0);

/** Minutes as a teacher plans a lesson: whole where they are, else to one decimal (1.5 min). */
export const minutes = (seconds: number) => `${Math.round((seconds / 60) * 10) / 10} min`;

type PlanRound = { kind: string; sides: readonly string[]; seconds: number };
type StancedSide = { id: string; stance: "for" | "against" | "mixed"; leans?: "for" | "against" };

/** The case a side speaks for: its stance, or for a mixed side the way it leans. */
export const caseOf = (side: StancedSide): "for" | "against" | null => (side.stance === "mixed" ? side.leans ?? null : side.stance);

/** Seconds of speaking per case, and per side, over a plan's rounds. */
export function floorTime(rounds: readonly PlanRound[], sides: readonly StancedSide[]) {
  const byId = new Map(sides.map((s) => [s.id, s]));
  const perSide = new Map<string, number>(sides.map((s) => [s.id, 0]));
  const total = { for: 0, against: 0 };
  for (const round of rounds) {
    if (!SPEAKING_ROUNDS.has(round.kind) || round.sides.length === 0) continue;
    const share = round.seconds / round.sides.length;
    for (const id of round.sides) {
      const side = byId.get(id);
      if (!side) continue;
      perSide.set(id, (perSide.get(id) ?? 0) + share);
      const speaksFor = caseOf(side);
      if (speaksFor) total[speaksFor] += share;
    }
  }
  return { ...total, perSide };
}

/** The short plan as choices from the full one: each round that gives a `short` length, at that length. */
export const shortChoices = (rounds: readonly { seconds: number; short?: number }[]) =>
  rounds.flatMap((r, index) => (r.short === undefined ? [] : [{ index, seconds: r.short }]));

/** The short plan's rounds, in the plan's order, each at its short length. */
export const shortPlanOf = <R extends PlanRound & { short?: number }>(rounds: readonly R[]): R[] =>
  shortChoices(rounds).map(({ index, seconds }) => ({ ...rounds[index], seconds }));
