// What a quiz question practises. Browser-safe: the schema, the check's summary and the preview
// share the list and the count.

/** Recall of what the articles say, or a reading skill: who said it, report or opinion, claim or established fact. */
export const quizSkills = ["recall", "who-said", "report-or-opinion", "claim-or-fact"] as const;
export type QuizSkill = (typeof quizSkills)[number];

/** How many questions practise each skill, in the list's order, leaving out skills no question has. */
export const countBySkill = (quiz: readonly { skill: QuizSkill }[]) =>
  quizSkills.map((skill) => [skill, quiz.filter((q) => q.skill === skill).length] as const).filter(([, n]) => n > 0);
