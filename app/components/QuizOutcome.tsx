import type { QuizQuestionView } from "../../server/live/views/types";
import { bars } from "~/lib/polls";
import { keyText } from "~/lib/quiz";
import { BarChart } from "./BarChart";
import { SourceCitation } from "./EvidenceCard";

/** `answered`: students who answered (a multiple-select answer counts on several bars), when known. */
type Props = { question: Pick<QuizQuestionView, "key" | "options" | "unit" | "distribution" | "position">; distribution?: boolean; answered?: number };

/**
 * A closed question's answer: the correct answer in words, the scenario's explanation and its
 * source, and (unless it is drawn elsewhere) how the class answered.
 */
export function QuizOutcome({ question, distribution = true, answered }: Props) {
  const { key } = question;
  if (!key) return null;
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
      {distribution ? <QuizDistribution question={question} answered={answered} /> : null}
    </div>
  );
}

/** How the class answered a closed question, one bar per option (numeric: within tolerance, and the rest), the correct ones marked with ✓. */
export function QuizDistribution({ question, answered }: Omit<Props, "distribution">) {
  const dist = question.distribution;
  if (!dist) return null;
  const shares = bars(
    dist.map((d) => d.label),
    dist.map((d) => d.count),
    answered ?? dist.reduce((sum, d) => sum + d.count, 0)
  );
  return (
    <BarChart
      bars={shares.map((b, i) => ({ ...b, correct: dist[i].correct }))}
      caption={`How the class answered question ${question.position}`}
      counted="Answers"
    />
  );
}
