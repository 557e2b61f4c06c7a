// The words the app uses for a pack's labels: the kind of source a card is, the skill a quiz
// question practises, and where a side stands on the motion.
import type { QuizSkill, Side, SourceType } from "../../content/schema";

export const sourceTypeLabel: Record<SourceType, string> = {
  report: "News report",
  opinion: "Opinion or commentary",
  claim: "Claim by a party to the dispute",
};

export const quizSkillLabel: Record<QuizSkill, string> = {
  recall: "Recall: what the articles say",
  "who-said": "Reading skill: who said it",
  "report-or-opinion": "Reading skill: report or opinion",
  "claim-or-fact": "Reading skill: claim or established fact",
};

/** A side's stance as the teacher reads it; a mixed side says which case it finally argues. */
export const stanceLabel = (side: Pick<Side, "stance" | "leans">) =>
  side.stance === "mixed"
    ? `Mixed view of the motion${side.leans ? `, leaning ${side.leans}` : ""}`
    : side.stance === "for"
    ? "For the motion"
    : "Against the motion";

/** The same, addressed to the side's own students. */
export function yourStance(side: Pick<Side, "stance" | "leans">) {
  if (side.stance !== "mixed") return `You argue ${side.stance} the motion.`;
  return side.leans
    ? `Your side has a mixed view of the motion, and in the end argues ${side.leans} it.`
    : "Your side has a mixed view of the motion.";
}
