import { useRef } from "react";
import type { ChallengeView, HostView } from "../../server/live/views/types";
import { DEBATE_LIMITS } from "../../server/limits";
import { sideNames } from "~/lib/debate";
import type { Run, Send } from "~/lib/live";
import { EvidenceCard } from "./EvidenceCard";

type Props = { view: HostView; send: Send; run: Run; disabled: boolean };

const outcome = { open: "Open", upheld: "✓ Upheld", rejected: "✗ Rejected" } as const;

/**
 * Students' challenges to a quote: the argument, the card it cites with its source, and the
 * challenger's reason side by side; the teacher upholds or rejects, always saying why.
 */
export function ChallengesPanel({ view, send, run, disabled }: Props) {
  const { challenges, arguments: items } = view.debate;
  const heading = useRef<HTMLHeadingElement>(null);
  if (challenges.length === 0) return null;
  const name = sideNames(view.scenario.sides);
  const open = challenges.filter((c) => c.status === "open");
  const ruled = challenges.filter((c) => c.status !== "open");

  const detail = (c: ChallengeView) => {
    const argument = items.find((a) => a.id === c.argumentId);
    const card = argument?.cards.find((k) => k.id === c.cardId) ?? view.scenario.cards.find((k) => k.id === c.cardId);
    return { argument, card };
  };

  return (
    <section className="panel" aria-labelledby="challenges-heading">
      <h2 id="challenges-heading" ref={heading} tabIndex={-1}>Challenges ({open.length} open)</h2>
      {open.map((c) => {
        const { argument, card } = detail(c);
        return (
          <article key={c.id} className="challenge" aria-labelledby={`challenge-${c.id}`}>
            <h3 id={`challenge-${c.id}`}>
              <span className="person-name">{c.challenger}</span> ({name(c.challengerSideId)}) challenges a quote
              {argument ? <> in <span className="person-name">{argument.author}</span>'s argument</> : null}
            </h3>
            <div className="side-by-side">
              <div>
                <h4>The argument</h4>
                {argument ? (
                  <>
                    <p className="muted">
                      <span className="person-name">{argument.author}</span> · {name(argument.sideId)}
                    </p>
                    <p className="argument-body">{argument.body}</p>
                  </>
                ) : (
                  <p className="muted">The argument is not loaded.</p>
                )}
              </div>
              <div>
                <h4>The challenged card</h4>
                {card ? <EvidenceCard card={card} use={false} /> : <p className="muted">Card {c.cardId}</p>}
                <h4>The challenger's reason</h4>
                <p className="reason">{c.reason}</p>
              </div>
            </div>
            <form
              aria-label={`Rule on ${c.challenger}'s challenge`}
              onSubmit={(e) => {
                e.preventDefault();
                const upheld = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "uphold";
                const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
                run(async () => {
                  const result = await send("challenge:rule", { challengeId: c.id, upheld, reason });
                  // A ruled challenge leaves the open list with the button just pressed: keep focus in the panel.
                  if (result.ok) heading.current?.focus();
                  return result;
                }, `${c.challenger}'s challenge ${upheld ? "upheld" : "rejected"}.`);
              }}
            >
              <label htmlFor={`ruling-${c.id}`}>Reason for your ruling (required, students see it)</label>
              <textarea id={`ruling-${c.id}`} name="reason" rows={2} required maxLength={DEBATE_LIMITS.reason} disabled={disabled} />
              <p className="actions">
                <button type="submit" value="uphold" disabled={disabled}>
                  Uphold<span className="visually-hidden"> {c.challenger}'s challenge</span>
                </button>
                <button type="submit" value="reject" className="danger" disabled={disabled}>
                  Reject<span className="visually-hidden"> {c.challenger}'s challenge</span>
                </button>
              </p>
            </form>
          </article>
        );
      })}
      {ruled.length > 0 ? (
        <>
          <h3>Ruled</h3>
          <ul className="ruled">
            {ruled.map((c) => {
              const { argument, card } = detail(c);
              return (
                <li key={c.id}>
                  <strong>{outcome[c.status]}</strong>: <span className="person-name">{c.challenger}</span> on{" "}
                  {argument ? <span className="person-name">{argument.author}</span> : "an argument"}'s card
                  {card ? <> “{card.text.slice(0, 80)}{card.text.length > 80 ? "…" : ""}”</> : null} — ruling: {c.ruling}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
