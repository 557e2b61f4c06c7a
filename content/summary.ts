// What `npm run content:check` says of each valid pack: where its sides stand, how long each case
// on the motion speaks, how many cards each side gets and what its quiz practises. A teacher or
// reviewer sees the balance of a pack without reading all of it.
import { caseOf, floorTime, minutes, planSeconds, shortPlanOf } from "./plans";
import type { Scenario } from "./schema";
import { countBySkill } from "./skills";

export function packSummary(s: Scenario): string[] {
  const floor = (rounds: Scenario["rounds"]) => {
    const f = floorTime(rounds, s.sides);
    return `for ${minutes(f.for)}, against ${minutes(f.against)}`;
  };
  const short = shortPlanOf(s.rounds);
  const sides = s.sides.map((side) => {
    const stance = side.stance === "mixed" ? `mixed, leans ${caseOf(side)}` : side.stance;
    return `  ${side.name} (${side.id}): ${stance}; ${side.cards.length} cards`;
  });
  const skills = countBySkill(s.quiz).map(([skill, n]) => `${skill} ${n}`);
  return [
    `${s.id} (set in ${s.frame.year}): ${s.motion}`,
    ...sides,
    `  floor time: plan ${floor(s.rounds)}; short plan ${short.length ? `${floor(short)} (${minutes(planSeconds(short))} in all)` : "none"}`,
    `  quiz: ${s.quiz.length} questions: ${skills.join(", ")}`,
  ];
}
