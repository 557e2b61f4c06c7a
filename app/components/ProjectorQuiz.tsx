import type { QuizView, SideSummary } from "../../server/live/views/types";
import { sideNames } from "~/lib/debate";
import { answeredLine, optionLetter } from "~/lib/quiz";
import { Podium, TopFive } from "./Leaderboard";
import { QuizDistribution, QuizOutcome } from "./QuizOutcome";
import { QuizQuestionHead } from "./QuizQuestionHead";

type Props = { quiz: QuizView; sides: SideSummary[]; offsetMs: number };

/**
 * The quiz on the wall: the open question with its options, clock and "N of M have answered";
 * once closed, the answer with its explanation and source beside the distribution and the top five;
 * after a quiz round, the podium and side totals.
 */
export function ProjectorQuiz({ quiz, sides, offsetMs }: Props) {
  const { question, progress, leaderboard, podium } = quiz;
  const name = sideNames(sides);
  const answered = progress && progress.questionId === question?.id ? progress : null;
  if (podium && question?.status !== "open")
    return (
      <div className="projector-quiz podium-stage">
        <Podium podium={podium} sideName={name} />
      </div>
    );
  if (!question) return null;
  const open = question.status === "open";
  return (
    <div className={`projector-quiz question-${question.status}`}>
      <section aria-labelledby={`question-${question.id}`} className={`quiz-stage${question.options.length ? " has-options" : ""}`}>
        <QuizQuestionHead question={question} offsetMs={offsetMs} size="projector" />
        {answered ? (
          <p className="poll-progress">
            <strong>{answeredLine(answered)}</strong>
          </p>
        ) : null}
        {open && question.options.length ? (
          <ol className="projector-options">
            {question.options.map((option, i) => (
              <li key={i}>
                <span className="answer-letter" aria-hidden="true">
                  {optionLetter(i)}
                </span>
                {option}
              </li>
            ))}
          </ol>
        ) : null}
        {open ? null : <QuizOutcome question={question} distribution={false} />}
      </section>
      {open ? null : (
        <div className="quiz-side">
          <QuizDistribution question={question} answered={answered?.answered} />
          <TopFive entries={leaderboard} sideName={name} />
        </div>
      )}
    </div>
  );
}
