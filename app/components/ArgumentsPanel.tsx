import { useState } from "react";
import type { ArgumentView, HostView } from "../../server/live/views/types";
import { ofRound, roundsRun, sideNames, threadsOf } from "~/lib/debate";
import type { Run, Send } from "~/lib/live";
import { ArgumentItem } from "./ArgumentItem";
import { BallotForm } from "./BallotForm";

type Props = { view: HostView; send: Send; run: Run; disabled: boolean };

/**
 * Everything said in a round, for the teacher to read, reveal and score: the current round by
 * default, any earlier one on request. Crossfire reads as threads of question and answers.
 */
export function ArgumentsPanel({ view, send, run, disabled }: Props) {
  const { debate } = view;
  const rounds = roundsRun(debate.plan);
  const [picked, setPicked] = useState<string>();
  // Follow the round being run unless the teacher chose another one to look back at.
  const roundId = picked && rounds.some((r) => r.roundId === picked) ? picked : (debate.round?.id ?? rounds.at(-1)?.roundId ?? null);
  const item = rounds.find((r) => r.roundId === roundId);
  if (!item || !roundId) return null;
  const name = sideNames(view.scenario.sides);
  const items = ofRound(debate.arguments, roundId);

  const entry = (a: ArgumentView, level: 3 | 4 = 3) => (
    <ArgumentItem key={a.id} argument={a} sideName={name} headingLevel={level}>
      <p className="votes">
        Peer votes: <strong>{debate.votes[a.id] ?? 0}</strong>
      </p>
      <BallotForm
        argumentId={a.id}
        author={a.author}
        rubric={view.scenario.rubric}
        ballot={debate.ballots.find((b) => b.argumentId === a.id)}
        send={send}
        run={run}
        disabled={disabled}
      />
    </ArgumentItem>
  );

  return (
    <section className="panel" aria-labelledby="arguments-heading">
      <h2 id="arguments-heading">Arguments: {item.title}</h2>
      {rounds.length > 1 ? (
        <p className="inline-field">
          <label htmlFor="arguments-round">Show the arguments of</label>
          <select id="arguments-round" value={roundId} onChange={(e) => setPicked(e.currentTarget.value)}>
            {rounds.map((r) => (
              <option key={r.roundId} value={r.roundId!}>
                {r.title}
                {r.roundId === debate.round?.id ? " (current)" : ""}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {item.kind === "crossfire" ? (
        <p className="muted">Crossfire is public: everyone in the debate reads it as it happens.</p>
      ) : item.revealed ? (
        <p className="muted">✓ Revealed: students and the projector can read these.</p>
      ) : (
        <p className="actions">
          <span>Only you and each author's side can read these.</span>
          <button type="button" disabled={disabled} onClick={() => run(() => send("round:reveal", { roundId }), `${item.title}: arguments revealed to the class.`)}>
            Reveal to class
          </button>
        </p>
      )}
      {items.length === 0 ? <p className="muted">Nothing has been submitted in this round yet.</p> : null}
      {item.kind === "crossfire" ? (
        <ol className="threads">
          {threadsOf(items).map((t) => (
            <li key={t.question.id}>
              {entry(t.question)}
              {t.answers.length ? (
                <ol className="answers" aria-label={`Answers to ${t.question.author}`}>
                  {t.answers.map((a) => (
                    <li key={a.id}>{entry(a, 4)}</li>
                  ))}
                </ol>
              ) : (
                <p className="muted answers">No answer yet.</p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        items.map((a) => entry(a))
      )}
    </section>
  );
}
