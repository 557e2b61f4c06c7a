import type { QuizQuestionView } from "../../server/live/views/types";
import { multiplierLabel, QUIZ_WARNING_SECONDS, questionClock, quizKindLabel } from "~/lib/quiz";
import { Countdown } from "./Countdown";

type Props = { question: QuizQuestionView; offsetMs: number; headingLevel?: 2 | 3; size?: "normal" | "projector" };

/** A question as everyone sees it: its number, prompt, kind and points, and its clock. Console, phone and projector share it. */
export function QuizQuestionHead({ question, offsetMs, headingLevel = 2, size = "normal" }: Props) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const open = question.status === "open";
  return (
    <div className={`quiz-head quiz-head-${size} question-${question.status}`}>
      <div className="quiz-text">
        <Heading id={`question-${question.id}`}>
          Question {question.position}
          <span className="visually-hidden">{open ? "" : " (closed)"}</span>
        </Heading>
        <p className="quiz-prompt-text" id={`question-${question.id}-prompt`}>
          {question.prompt}
        </p>
        <p className="muted small-print">
          {quizKindLabel[question.kind]} · points {multiplierLabel(question.multiplier)}
        </p>
      </div>
      <Countdown round={questionClock(question)} offsetMs={offsetMs} size={size} warnAt={QUIZ_WARNING_SECONDS} closedLabel="Question closed" />
    </div>
  );
}
