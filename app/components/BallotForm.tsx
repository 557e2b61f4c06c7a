import { useRef, useState } from "react";
import type { BallotView, Rubric } from "../../server/live/views/types";
import type { Run, Send } from "~/lib/live";
import { DEBATE_LIMITS } from "../../server/limits";

type Props = { argumentId: string; author: string; rubric: Rubric; ballot: BallotView | undefined; send: Send; run: Run; disabled: boolean };

/**
 * The teacher's ballot for one argument: each rubric criterion scored 1-5, the score's descriptor
 * beside it, and a comment. Once saved it folds to a one-line summary, so a round's arguments stay
 * short to read; opening it again and saving replaces the ballot, and the form says so.
 */
export function BallotForm({ argumentId, author, rubric, ballot, send, run, disabled }: Props) {
  const id = `ballot-${argumentId}`;
  const [open, setOpen] = useState(false);
  const summary = useRef<HTMLElement>(null);
  return (
    <details className="ballot" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary ref={summary}>
        {ballot ? `Scored ${ballot.points} points` : "Not scored yet"} · <span className="link-like">{ballot ? "Change score" : "Score this argument"}</span>
        <span className="visually-hidden"> by {author}</span>
      </summary>
      {/* Keyed by the stored ballot so the form shows the saved scores again after any update. */}
      <form
        key={ballot ? JSON.stringify(ballot) : "new"}
        aria-label={`Ballot for ${author}'s argument`}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const scores = Object.fromEntries(rubric.map((c) => [c.id, Number(form.get(c.id))]));
          const comment = String(form.get("comment") ?? "");
          run(async () => {
            const result = await send("ballot:submit", { argumentId, scores, comment });
            // Saved: fold, and keep keyboard focus on the summary that now says the score.
            if (result.ok) {
              setOpen(false);
              summary.current?.focus();
            }
            return result;
          }, `Ballot saved for ${author}.`);
        }}
      >
        {ballot ? <p className="muted">Saving again replaces this score of {ballot.points} points.</p> : null}
        {rubric.map((criterion) => (
          <fieldset key={criterion.id} className="radio-group rubric">
            <legend>
              {criterion.label} <span className="muted">(weight {criterion.weight})</span>
            </legend>
            {criterion.levels.map((descriptor, i) => (
              <label key={i} className="check">
                <input type="radio" name={criterion.id} value={i + 1} required defaultChecked={ballot?.scores[criterion.id] === i + 1} disabled={disabled} />
                <span>
                  <strong>{i + 1}</strong> – {descriptor}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <label htmlFor={`${id}-comment`}>Comment for the student (optional)</label>
        <textarea id={`${id}-comment`} name="comment" rows={3} maxLength={DEBATE_LIMITS.comment} defaultValue={ballot?.comment ?? ""} disabled={disabled} />
        <p>
          <button type="submit" disabled={disabled}>
            Save ballot<span className="visually-hidden"> for {author}</span>
          </button>
        </p>
      </form>
    </details>
  );
}
