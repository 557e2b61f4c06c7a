import type { QuizQuestionView } from "../../server/live/views/types";
import { bars } from "~/lib/polls";
import { keyText } from "~/lib/quiz";
import { BarChart } from "./BarChart";
import { SourceCitation } from "./EvidenceCard";

/** `answered`: students who answered (a multiple-select answer counts on several bars), when known. */
type Props = { question: QuizQuestionView; distribution?: boolean; answered?: number };

/**
 * A closed question's answer: the correct answer in words, the scenario's explanation and its
 * source, and (where there is room) how the class answered, the correct bars marked with ✓.
 */
export function QuizOutcome({ question, distribution = true, answered }: Props) {
  const { key } = question;
  if (!key) return null;
  const dist = question.distribution;
  return (
    <div className="quiz-outcome">
      <p className="quiz-key">
        <strong>✓ Answer: {keyText(question, key)}</strong>
      </p>
      <p>
        <strong>Why:</strong> {key.explanation}
      </p>
      <p className="attribution small-print">
        Source: <SourceCitation source={key.source} />
      </p>
      {distribution && dist ? (
        <BarChart
          bars={bars(
            dist.map((d) => d.label),
            dist.map((d) => d.count),
            answered ?? dist.reduce((sum, d) => sum + d.count, 0)
          ).map((b, i) => ({ ...b, correct: dist[i].correct }))}
          caption={`How the class answered question ${question.position}`}
          counted="Answers"
        />
      ) : null}
    </div>
  );
}
