// Evidence cards as people see them: each with its source. Pure and browser-safe (the preview renders with it).
import type { PackedScenario, Side } from "../../../content/schema";
import type { CardView } from "./types";

/** Every card of the scenario with its source, by id. The pack's schema guarantees both exist. */
export function cardsById(scenario: PackedScenario): Map<string, CardView> {
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  return new Map(scenario.cards.map((c) => [c.id, { ...c, source: sources.get(c.source)! }]));
}

/** The cards a side gets, in the side's order. */
export function sideCards(scenario: PackedScenario, side: Side): CardView[] {
  const cards = cardsById(scenario);
  return side.cards.map((id) => cards.get(id)!);
}
