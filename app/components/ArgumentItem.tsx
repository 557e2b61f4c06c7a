import { argumentKindLabel } from "../../server/live/debate/kinds";
import type { ArgumentView, CardView } from "../../server/live/views/types";
import { EvidenceCard } from "./EvidenceCard";

const rulingLabel = { open: "Challenge open", upheld: "Challenge upheld", rejected: "Challenge rejected" } as const;

/** A live argument, or one from a review (which keeps no edit count). */
type Shown = Omit<ArgumentView, "revision"> & { revision?: number };

type Props = {
  argument: Shown;
  sideName: (id: string | null) => string;
  /** Actions under a cited card (a student's "Challenge this quote"). */
  cardAction?: (card: CardView) => React.ReactNode;
  /** Shown under the argument: the teacher's ballot, vote counts. */
  children?: React.ReactNode;
  headingLevel?: 3 | 4 | 5;
};

/** One speech, question or answer: who, for which side, what they said and the cards they cite. */
export function ArgumentItem({ argument: a, sideName, cardAction, children, headingLevel = 3 }: Props) {
  const Heading = `h${headingLevel}` as "h3" | "h4" | "h5";
  const heading = `argument-${a.id}`;
  return (
    <article className="argument" aria-labelledby={heading}>
      <Heading id={heading} className="argument-head">
        <span className="kind-tag">{argumentKindLabel(a.kind)}</span>{" "}
        <span className="person-name">{a.author}</span> <span className="muted">· {sideName(a.sideId)}</span>
        {a.targetSideId ? <span className="muted"> → to {sideName(a.targetSideId)}</span> : null}
      </Heading>
      <p className="argument-body">{a.body}</p>
      {(a.revision ?? 1) > 1 ? <p className="muted small-print">Edited ({a.revision} versions)</p> : null}
      {a.cards.length > 0 ? (
        <div className="cited" aria-label={`Cards cited by ${a.author}`} role="group">
          {a.cards.map((card) => (
            <EvidenceCard key={card.id} card={card} use={false}>
              {challengeNotes(a, card.id)}
              {cardAction?.(card)}
            </EvidenceCard>
          ))}
        </div>
      ) : null}
      {children}
    </article>
  );
}

/** Challenges to this card of this argument, with their outcome in words. */
function challengeNotes(a: Shown, cardId: string) {
  const notes = a.challenges.filter((c) => c.cardId === cardId);
  if (notes.length === 0) return null;
  return (
    <ul className="challenge-notes">
      {notes.map((c) => (
        <li key={c.id} className={`ruling ${c.status}`}>
          <strong>{rulingLabel[c.status]}</strong> by <span className="person-name">{c.challenger}</span>: {c.reason}
          {c.ruling ? <> · Ruling: {c.ruling}</> : null}
        </li>
      ))}
    </ul>
  );
}
