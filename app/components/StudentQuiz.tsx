import { useState } from "react";
import type { MyQuiz, QuizAnswerValue, QuizQuestionView } from "../../server/live/views/types";
import type { Send } from "~/lib/live";
import { answerText, ordinal, pointsText, resultLabel, resultSentence } from "~/lib/quiz";
import { QuizAnswer } from "./QuizAnswer";
import { QuizOutcome } from "./QuizOutcome";
import { QuizQuestionHead } from "./QuizQuestionHead";

type Props = { question: QuizQuestionView; myQuiz: MyQuiz; send: Send; offsetMs: number };

/**
 * The quiz on a student's phone: the question with its clock, answering it, "Answer locked in"
 * once the server has the answer (also after a reload, from the view), and after it closes
 * whether they were right (✓/✗ and words), their points, streak, rank and total, and the
 * explanation with its source. Keyed by question, so the next one starts fresh.
 */
export function StudentQuiz({ question, myQuiz, send, offsetMs }: Props) {
  // No event carries a student's own answer back; the ack does, until the next snapshot has it.
  const [sent, setSent] = useState<QuizAnswerValue>();
  const answer = sent ?? (myQuiz.answer?.questionId === question.id ? myQuiz.answer.value : undefined);
  const result = myQuiz.result?.questionId === question.id ? myQuiz.result : null;
  const open = question.status === "open";

  return (
    <section className="panel student-quiz" aria-labelledby={`question-${question.id}`}>
      <QuizQuestionHead question={question} offsetMs={offsetMs} />
      {/* Mounted with the question, so the answer locked in and the result are both announced when they arrive. */}
      <p className="visually-hidden" aria-live="polite">
        {result ? resultSentence(result) : sent ? `Your answer is locked in: ${answerText(question, sent)}.` : ""}
      </p>
      {open && !answer ? (
        <QuizAnswer
          question={question}
          onAnswer={async (value) => {
            const outcome = await send("quiz:answer", { questionId: question.id, ...value });
            if (outcome.ok) setSent(value);
            return outcome;
          }}
        />
      ) : null}
      {answer ? (
        <p className="banner note answer-locked">
          <strong>{open ? "✓ Answer locked in" : "Your answer"}:</strong> {answerText(question, answer)}
        </p>
      ) : open ? null : (
        <p className="muted">You did not answer this question.</p>
      )}
      {open ? null : (
        <>
          {result ? <MyResult result={result} /> : answer ? <p className="muted">Working out your points…</p> : null}
          <QuizOutcome question={question} distribution={false} />
        </>
      )}
      {myQuiz.rank !== null && !result ? (
        <p className="muted small-print">
          Your quiz total: {pointsText(myQuiz.total)} · {ordinal(myQuiz.rank)} place
        </p>
      ) : null}
    </section>
  );
}

function MyResult({ result }: { result: NonNullable<MyQuiz["result"]> }) {
  const label = resultLabel(result);
  return (
    <div className={`my-result result-${label.tone}`}>
      <p className="result-headline">
        <span aria-hidden="true">{label.symbol} </span>
        {label.text}
        {` · ${result.points > 0 ? "+" : ""}${pointsText(result.points)}`}
      </p>
      <p>
        Streak: <strong>{result.streak}</strong> · Rank: <strong>{ordinal(result.rank)}</strong> · Total: <strong>{pointsText(result.total)}</strong>
      </p>
    </div>
  );
}
