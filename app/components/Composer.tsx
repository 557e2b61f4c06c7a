import { useId, useRef, useState } from "react";
import type { CardView } from "../../server/live/views/types";
import { DEBATE_LIMITS } from "../../server/limits";
import { nearLimitNotice } from "~/lib/debate";
import { useDraft, type Draft } from "~/lib/draft";

type Outcome = { ok: true } | { ok: false; error: { message: string } };

type Props = {
  label: string;
  /** Where the unsent text is kept on this device. */
  draftKey: string;
  /** The side's cards a student may cite. */
  cards: CardView[];
  /** What the server already has, shown until the student changes it; without it each send is a new item and the form empties. */
  submitted?: Draft;
  /** Each send replaces one item (a speech): the form keeps what was sent, from the first send on, so an edit starts from it. */
  revises?: boolean;
  submitLabel: string;
  /** Said once the server has it: who can read it now. */
  sentMessage: string;
  /** `clientId` stays the same until a send succeeds, so a retry after a timeout is not a second item. */
  onSubmit: (draft: Draft, clientId: string) => Promise<Outcome>;
  /** Fields before the text, such as whom a question is for. */
  children?: React.ReactNode;
};

const { argument: MAX, citations: MAX_CARDS } = DEBATE_LIMITS;

/**
 * Writing a speech, question or answer on a phone: the text with a live character count, a
 * picker of the side's cards with their quotes, and a draft that survives a reload. A refused
 * send keeps the text and says why.
 */
export function Composer({ label, draftKey, cards, submitted, revises = false, submitLabel, sentMessage, onSubmit, children }: Props) {
  const id = useId();
  const { draft, setDraft, clear, reset, unsent } = useDraft(draftKey, submitted ?? { body: "", cardIds: [] });
  const [sending, setSending] = useState(false);
  const clientId = useRef<string>();
  const [result, setResult] = useState<{ text: string; error: boolean }>();
  const full = draft.cardIds.length >= MAX_CARDS;

  const toggle = (cardId: string, on: boolean) =>
    setDraft({ ...draft, cardIds: on ? [...draft.cardIds, cardId] : draft.cardIds.filter((c) => c !== cardId) });

  return (
    <form
      className="composer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (sending) return;
        setSending(true);
        clientId.current ??= crypto.randomUUID();
        const outcome = await onSubmit(draft, clientId.current);
        setSending(false);
        if (outcome.ok) {
          clientId.current = undefined;
          if (submitted || revises) clear();
          else reset({ body: "", cardIds: [] });
          setResult({ text: sentMessage, error: false });
        } else setResult({ text: outcome.error.message, error: true });
      }}
    >
      {children}
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        id={`${id}-body`}
        rows={6}
        maxLength={MAX}
        required
        value={draft.body}
        aria-describedby={`${id}-count`}
        onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
      />
      <p id={`${id}-count`} className="muted counter">
        {draft.body.length}/{MAX} characters{unsent && submitted ? " · changes not sent yet" : unsent ? " · draft kept on this phone" : ""}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {nearLimitNotice(draft.body.length, MAX)}
      </p>
      {cards.length > 0 ? (
        // Folded: a side holds many cards, and the send button should stay near the text.
        <details className="card-picker">
          <summary>
            Cite your cards ({draft.cardIds.length} of up to {MAX_CARDS} chosen)
          </summary>
          <fieldset>
            <legend className="visually-hidden">Cards to cite, up to {MAX_CARDS}</legend>
            {cards.map((card) => {
              const checked = draft.cardIds.includes(card.id);
              return (
                <label key={card.id} className="check card-choice">
                  <input type="checkbox" checked={checked} disabled={!checked && full} onChange={(e) => toggle(card.id, e.currentTarget.checked)} />
                  <span>
                    {card.kind === "quote" ? `“${card.text}” — ${card.speaker}` : card.text}
                    <span className="muted"> ({card.source.outlet})</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        </details>
      ) : null}
      <p className="actions">
        <button type="submit">{submitLabel}</button>
      </p>
      <p role="status" className={result?.error ? "form-error" : "muted"}>
        {result?.text}
      </p>
    </form>
  );
}
