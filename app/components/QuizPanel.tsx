import type { HostView, QuizQuestionView } from "../../server/live/views/types";
import { sideNames } from "~/lib/debate";
import { useHeadingFocus, type Run, type Send } from "~/lib/live";
import { answeredLine, isCorrectOption, keyText } from "~/lib/quiz";
import { Podium, TopFive } from "./Leaderboard";
import { QuizAsk } from "./QuizAsk";
import { QuizOutcome } from "./QuizOutcome";
import { QuizQuestionHead } from "./QuizQuestionHead";

type Props = { view: HostView; send: Send; run: Run; offsetMs: number; disabled: boolean };

/**
 * The teacher's quiz: the open question with its answer, clock and "N of M have answered", closing
 * it early; after it closes the answer, explanation, distribution and top five; asking the next
 * question; and the podium with side totals once a quiz round has closed.
 */
export function QuizPanel({ view, send, run, offsetMs, disabled }: Props) {
  const { question, progress, round, leaderboard, podium } = view.quiz;
  const open = question?.status === "open";
  const name = sideNames(view.scenario.sides);
  // Asking or closing removes the button just pressed: keep focus in the panel.
  const { heading, keepingFocus } = useHeadingFocus();
  const answered = progress && progress.questionId === question?.id ? progress : null;
  return (
    <section className="panel quiz-panel" aria-labelledby="quiz-heading">
      <h2 id="quiz-heading" ref={heading} tabIndex={-1}>
        Quiz
      </h2>
      {round ? (
        <p className="muted">
          Quiz round: {round.asked} of {round.of} questions asked
        </p>
      ) : null}
      {question ? (
        <div className="current-question">
          <QuizQuestionHead question={question} offsetMs={offsetMs} headingLevel={3} />
          {answered ? (
            <p className="poll-progress">
              <strong>{answeredLine(answered)}</strong>
            </p>
          ) : null}
          {open ? (
            <>
              <KeyedOptions question={question} />
              <button
                type="button"
                className="danger"
                disabled={disabled}
                onClick={() =>
                  run(
                    keepingFocus(() => send("quiz:close", { questionId: question.id })),
                    "Question closed."
                  )
                }
              >
                Close question early
              </button>
            </>
          ) : (
            <>
              <QuizOutcome question={question} answered={answered?.answered} />
              <TopFive entries={leaderboard} sideName={name} />
            </>
          )}
        </div>
      ) : (
        <p className="muted">No question has been asked yet.</p>
      )}
      {podium ? <Podium podium={podium} sideName={name} /> : null}
      {open ? null : (
        <QuizAsk
          bank={view.library.quiz}
          disabled={disabled}
          onAsk={(payload, done) =>
            run(
              keepingFocus(() => send("quiz:ask", payload)),
              done
            )
          }
        />
      )}
    </section>
  );
}

/** The open question's options with the correct ones marked (the teacher sees the key at once). */
function KeyedOptions({ question }: { question: QuizQuestionView }) {
  if (question.options.length === 0)
    return question.key ? (
      <p>
        <strong>✓ Answer:</strong> {keyText(question, question.key)}
      </p>
    ) : null;
  return (
    <ul className="quiz-options">
      {question.options.map((option, i) =>
        isCorrectOption(question.key, i) ? (
          <li key={i} className="correct">
            ✓ {option} <strong>(correct)</strong>
          </li>
        ) : (
          <li key={i}>{option}</li>
        )
      )}
    </ul>
  );
}
