import { useId, useState } from "react";
import type { ArgumentView, CardView, ParticipantView, RoundView } from "../../server/live/views/types";
import { ofRound, sideNames, threadsOf } from "~/lib/debate";
import type { Send } from "~/lib/live";
import { ArgumentItem } from "./ArgumentItem";
import { Composer } from "./Composer";

type Props = {
  view: ParticipantView;
  round: RoundView;
  send: Send;
  /** What goes under a card another side cites (the challenge button). */
  cardAction: (argument: ArgumentView) => ((card: CardView) => React.ReactNode) | undefined;
};

/**
 * Crossfire on a phone: ask a named opposing side on the floor, answer what is asked of your
 * side, and read everything as threads of a question and its answers.
 */
export function Crossfire({ view, round, send, cardAction }: Props) {
  const id = useId();
  const name = sideNames(view.sides);
  const mySide = view.side?.id ?? null;
  const cards = view.side?.cards ?? [];
  const open = round.status !== "closed";
  const onFloor = mySide !== null && round.sides.includes(mySide);
  const targets = round.sides.filter((s) => s !== mySide);
  const [picked, setPicked] = useState<string>();
  // A new round brings new sides to the floor: fall back to the first one then.
  const target = picked && targets.includes(picked) ? picked : (targets[0] ?? "");
  const threads = threadsOf(ofRound(view.debate.arguments, round.id));

  return (
    <>
      {open && onFloor && targets.length > 0 ? (
        <section className="panel" aria-labelledby={`${id}-ask`}>
          <h2 id={`${id}-ask`}>Ask a question</h2>
          <Composer
            key={round.id}
            label="Your question"
            draftKey={`${round.id}:ask`}
            cards={cards}
            submitLabel="Ask"
            sentMessage="Question sent. Everyone in the debate can read it."
            onSubmit={(draft, clientId) => send("crossfire:ask", { roundId: round.id, clientId, targetSideId: target, ...draft })}
          >
            <label htmlFor={`${id}-target`}>Ask which side</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setPicked(e.currentTarget.value)}>
              {targets.map((s) => (
                <option key={s} value={s}>
                  {name(s)}
                </option>
              ))}
            </select>
          </Composer>
        </section>
      ) : null}
      <section aria-labelledby={`${id}-threads`}>
        <h2 id={`${id}-threads`}>Questions and answers ({threads.length})</h2>
        {threads.length === 0 ? <p className="muted">No questions yet.</p> : null}
        <ol className="threads">
          {threads.map(({ question, answers }) => (
            <li key={question.id}>
              <ArgumentItem argument={question} sideName={name} cardAction={cardAction(question)} />
              <ol className="answers" aria-label={`Answers to ${question.author}`}>
                {answers.map((a) => (
                  <li key={a.id}>
                    <ArgumentItem argument={a} sideName={name} cardAction={cardAction(a)} headingLevel={4} />
                  </li>
                ))}
              </ol>
              {open && question.targetSideId === mySide ? (
                <details className="answer-box">
                  <summary>
                    Answer this question<span className="visually-hidden"> from {question.author}</span>
                  </summary>
                  <Composer
                    label={`Your answer to ${question.author}`}
                    draftKey={`${question.id}:answer`}
                    cards={cards}
                    submitLabel="Send answer"
                    sentMessage="Answer sent. Everyone in the debate can read it."
                    onSubmit={(draft, clientId) => send("crossfire:answer", { questionId: question.id, clientId, ...draft })}
                  />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
