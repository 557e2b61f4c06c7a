import { useEffect, useId, useRef, useState } from "react";
import type { ArgumentView, CardView, ChallengeView } from "../../server/live/views/types";
import { DEBATE_LIMITS } from "../../server/limits";
import type { Send } from "~/lib/live";
import { FormError } from "./Field";

type Props = { argument: ArgumentView; card: CardView; myChallenges: ChallengeView[]; send: Send };

/**
 * "Challenge this quote" under a card another side cites: the student says why the card does not
 * say what the argument claims. One open challenge at a time, and each card of an argument once.
 */
export function ChallengeQuote({ argument, card, myChallenges, send }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const mine = myChallenges.find((c) => c.argumentId === argument.id && c.cardId === card.id);
  // Closing the form removes the focused control: focus what replaces it, the button after a
  // cancel, the "You challenged" note once a sent challenge comes back.
  const back = useRef<HTMLElement | null>(null);
  const refocus = useRef<"button" | "note" | null>(null);
  useEffect(() => {
    if (open || !refocus.current || (refocus.current === "note" && !mine)) return;
    back.current?.focus();
    refocus.current = null;
  }, [open, mine]);
  const close = (then: "button" | "note") => {
    refocus.current = then;
    setOpen(false);
  };
  if (mine)
    return (
      <p className="muted" tabIndex={-1} ref={(el) => void (back.current = el)}>
        You challenged this card: {mine.status === "open" ? "waiting for the teacher's ruling" : mine.status}.
      </p>
    );
  if (myChallenges.some((c) => c.status === "open")) return null;
  if (!open)
    return (
      <button type="button" className="secondary small" ref={(el) => void (back.current = el)} onClick={() => setOpen(true)}>
        Challenge this quote<span className="visually-hidden"> cited by {argument.author}</span>
      </button>
    );
  return (
    <form
      className="challenge-form"
      aria-label={`Challenge a card cited by ${argument.author}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
        const result = await send("challenge:open", { argumentId: argument.id, cardId: card.id, reason });
        if (result.ok) close("note");
        else setError(result.error.message);
      }}
    >
      <label htmlFor={`${id}-reason`}>Why does this card not support the argument?</label>
      <textarea id={`${id}-reason`} name="reason" rows={3} required maxLength={DEBATE_LIMITS.reason} autoFocus />
      <p className="actions">
        <button type="submit" className="small">
          Send challenge
        </button>
        <button type="button" className="secondary small" onClick={() => close("button")}>
          Cancel
        </button>
      </p>
      <FormError message={error} />
    </form>
  );
}

const outcome = { open: "⏳ Waiting for the teacher", upheld: "✓ Upheld", rejected: "✗ Rejected" } as const;

/** The student's own challenges and how the teacher ruled. */
export function MyChallenges({ challenges }: { challenges: ChallengeView[] }) {
  if (challenges.length === 0) return null;
  return (
    <section aria-labelledby="my-challenges" className="panel">
      <h2 id="my-challenges">Your challenges</h2>
      <ul className="ruled">
        {challenges.map((c) => (
          <li key={c.id}>
            <strong>{outcome[c.status]}</strong>: {c.reason}
            {c.ruling ? <> · Teacher: {c.ruling}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
