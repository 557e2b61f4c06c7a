import type { PackedScenario, QuizItem } from "../../content/schema";
import { countBySkill } from "../../content/skills";
import { quizSkillLabel } from "~/lib/content";
import { keyText, quizKindLabel } from "~/lib/quiz";
import { quizKey, quizOptions } from "../../server/live/scoring/quiz";

function Answer({ item }: { item: QuizItem }) {
  if (item.kind === "single" || item.kind === "multiple") {
    const correct = new Set(Array.isArray(item.answer) ? item.answer : [item.answer]);
    return (
      <ul className="quiz-options">
        {item.options.map((option) =>
          // Marked in words as well as colour, so the answer is clear in print and to screen readers.
          correct.has(option) ? (
            <li key={option} className="correct">
              {option} <strong>(correct)</strong>
            </li>
          ) : (
            <li key={option}>{option}</li>
          )
        )}
      </ul>
    );
  }
  const question = { options: quizOptions(item), unit: item.kind === "numeric" ? item.unit ?? null : null };
  return (
    <p>
      <strong>Answer:</strong> {keyText(question, { correct: quizKey(item) })}
    </p>
  );
}

/** The quiz bank with what each question practises, its answer, explanation and where the answer can be found. */
export function ScenarioQuiz({ scenario }: { scenario: PackedScenario }) {
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  const bySkill = countBySkill(scenario.quiz);
  return (
    <>
      <p className="muted">{bySkill.map(([skill, n]) => `${quizSkillLabel[skill]}: ${n}`).join(" · ")}</p>
      <ol className="quiz-bank">
        {scenario.quiz.map((item) => {
          const source = sources.get(item.source);
          return (
            <li key={item.id} className="panel">
              <p className="quiz-prompt">
                <strong>{item.prompt}</strong>
              </p>
              <p className="muted">
                {quizKindLabel[item.kind]} · {quizSkillLabel[item.skill]}
              </p>
              <Answer item={item} />
              <p>
                <strong>Why:</strong> {item.explanation}
              </p>
              <p className="attribution">
                Answered from: {source ? <cite>{source.title}</cite> : item.source}
                {source ? `, ${source.outlet}` : ""}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
