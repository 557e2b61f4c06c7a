import { useId, useState } from "react";
import type { QuizAnswerValue, QuizQuestionView } from "../../server/live/views/types";
import type { SendResult } from "~/lib/live";
import { optionLetter } from "~/lib/quiz";
import { FormError } from "./Field";

type Props = { question: QuizQuestionView; onAnswer: (value: QuizAnswerValue) => Promise<SendResult<"quiz:answer">> };

/**
 * Answering an open question on a phone: one tap on a big button for single choice and true/false,
 * big toggles and "Submit answer" for multiple select, a number field for numeric. A second tap
 * while one is on its way is ignored; a refusal (too late, already answered) says why.
 */
export function QuizAnswer({ question, onAnswer }: Props) {
  const id = useId();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [picked, setPicked] = useState<number[]>([]);
  const [number, setNumber] = useState("");
  const answer = async (value: QuizAnswerValue) => {
    if (sending) return;
    setSending(true);
    const result = await onAnswer(value);
    setSending(false);
    setError(result.ok ? undefined : result.error.message);
  };

  if (question.kind === "single" || question.kind === "truefalse")
    return (
      <div className="quiz-answer">
        <div className="answer-options" role="group" aria-labelledby={`question-${question.id}-prompt`}>
          {question.options.map((option, i) => (
            <button key={i} type="button" className="answer-option" onClick={() => answer({ choices: [i] })}>
              <span className="answer-letter" aria-hidden="true">
                {optionLetter(i)}
              </span>
              {option}
            </button>
          ))}
        </div>
        <Sending sending={sending} />
        <FormError message={error} />
      </div>
    );

  return (
    <form
      className="quiz-answer"
      onSubmit={(e) => {
        e.preventDefault();
        if (question.kind === "multiple") {
          if (picked.length === 0) return setError("Choose at least one option first.");
          return void answer({ choices: picked });
        }
        const value = Number(number);
        if (number.trim() === "" || !Number.isFinite(value)) return setError("Type a number first.");
        void answer({ number: value });
      }}
    >
      {question.kind === "multiple" ? (
        <div className="answer-options" role="group" aria-labelledby={`question-${question.id}-prompt`}>
          {question.options.map((option, i) => {
            const on = picked.includes(i);
            return (
              <button
                key={i}
                type="button"
                className="answer-option"
                aria-pressed={on}
                onClick={() => setPicked(on ? picked.filter((p) => p !== i) : [...picked, i].sort((a, b) => a - b))}
              >
                <span className="answer-letter" aria-hidden="true">
                  {on ? "✓" : optionLetter(i)}
                </span>
                {option}
              </button>
            );
          })}
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-number`}>Your answer{question.unit ? ` (${question.unit})` : ""}</label>
          <input id={`${id}-number`} type="number" step="any" autoComplete="off" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        </>
      )}
      <p className="actions">
        <button type="submit">Submit answer</button>
      </p>
      <Sending sending={sending} />
      <FormError message={error} />
    </form>
  );
}

const Sending = ({ sending }: { sending: boolean }) => (
  <p role="status" className="muted">
    {sending ? "Sending your answer…" : ""}
  </p>
);
