// What `npm run content:check` says of each valid pack: where its sides stand, how long each case
// on the motion speaks, how many cards each side gets and what its quiz practises. A teacher or
// reviewer sees the balance of a pack without reading all of it.
import { caseOf, floorTime, shortPlanOf } from "./plans";
import { quizSkills, type Scenario } from "./schema";

const minutes = (seconds: number) => `${Math.round((seconds / 60) * 10) / 10} min`;

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
  const skills = quizSkills
    .map((skill) => [skill, s.quiz.filter((q) => q.skill === skill).length] as const)
    .filter(([, n]) => n > 0)
    .map(([skill, n]) => `${skill} ${n}`);
  return [
    `${s.id} (set in ${s.frame.year}): ${s.motion}`,
    ...sides,
    `  floor time: plan ${floor(s.rounds)}; short plan ${short.length ? `${floor(short)} (${minutes(short.reduce((t, r) => t + r.seconds, 0))} in all)` : "none"}`,
    `  quiz: ${s.quiz.length} questions: ${skills.join(", ")}`,
  ];
}
