import type { Source } from "../../content/schema";
import type { CardView } from "../../server/live/views/types";
import { sourceTypeLabel } from "~/lib/content";
import { quoteSpeaker } from "~/lib/debate";

/**
 * A card's quote or fact with its source. `use` (how a debater might use it) is the owning side's
 * private advice, so a card cited in an argument others read leaves it out; `children` holds
 * actions on the card, such as a challenge.
 */
export function EvidenceCard({ card, use = true, children }: { card: CardView; use?: boolean; children?: React.ReactNode }) {
  const { source } = card;
  const speaker = quoteSpeaker(card.speaker);
  return (
    <article className="card" aria-label={`Evidence card: ${card.kind}`}>
      {card.kind === "quote" ? (
        <blockquote>“{card.text}”</blockquote>
      ) : (
        <>
          <p>
            <span className="kind-tag">Fact</span>{" "}
            {card.text}
          </p>
          {/* The article's own words behind the summary, so a reader can check it. */}
          {card.basis ? <p className="basis">The article’s words: “{card.basis.trim()}”</p> : null}
        </>
      )}
      <p className="attribution">
        {speaker ? `${speaker}. ` : ""}
        <SourceCitation source={source} />
      </p>
      {/* Telling a report from an opinion or a party's claim is part of weighing the evidence. */}
      {card.sourceType ? (
        <p className="source-type">
          <span className="kind-tag">{sourceTypeLabel[card.sourceType]}</span>
        </p>
      ) : null}
      {use ? (
        <p className="use">
          <strong>Use it:</strong> {card.use}
        </p>
      ) : null}
      {children}
    </article>
  );
}

/** An article as content cites it: title, outlet, author and when. */
export function SourceCitation({ source }: { source: Source }) {
  return (
    <>
      <cite>{source.title}</cite>, {source.outlet}
      {source.author ? `, ${source.author}` : ""} ({source.period.split(",")[0]})
    </>
  );
}
