// The round plan a session runs: the scenario's rounds that the teacher kept, in the scenario's
// order, each with the time the teacher gave it. Pure, so the rule is tested alone.
import { ROUND_SECONDS } from "../../../content/limits";
import type { Scenario } from "../../../content/schema";
import { isRoundLength } from "./clock";

export type Round = Scenario["rounds"][number];
export type RoundChoice = { index: number; seconds: number };

export type PlanResult = { ok: true; plan: Round[] } | { ok: false; message: string };

export function adaptRoundPlan(rounds: readonly Round[], choices: readonly RoundChoice[]): PlanResult {
  if (choices.length === 0) return { ok: false, message: "Keep at least one round." };
  const chosen = new Map<number, number>();
  for (const { index, seconds } of choices) {
    const round = rounds[index];
    if (!Number.isInteger(index) || !round) return { ok: false, message: "That round is not part of this scenario." };
    if (chosen.has(index)) return { ok: false, message: `“${round.title}” is listed twice.` };
    if (!isRoundLength(seconds))
      return { ok: false, message: `“${round.title}” needs a time between ${ROUND_SECONDS.min} seconds and ${ROUND_SECONDS.max / 60} minutes.` };
    chosen.set(index, seconds);
  }
  return { ok: true, plan: rounds.flatMap((round, i) => (chosen.has(i) ? [{ ...round, seconds: chosen.get(i)! }] : [])) };
}
