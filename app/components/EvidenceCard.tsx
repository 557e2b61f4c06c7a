import type { CardView } from "../../server/live/views/types";

export function EvidenceCard({ card }: { card: CardView }) {
  const { source } = card;
  return (
    <article className="card" aria-label={`Evidence card: ${card.kind}`}>
      {card.kind === "quote" ? (
        <blockquote>“{card.text}”</blockquote>
      ) : (
        <p>
          <span className="kind-tag">Fact</span>
          {card.text}
        </p>
      )}
      <p className="attribution">
        {card.kind === "quote" ? `${card.speaker}. ` : ""}
        <cite>{source.title}</cite>, {source.outlet}
        {source.author ? `, ${source.author}` : ""} ({source.period.split(",")[0]})
      </p>
      <p className="use">
        <strong>Use it:</strong> {card.use}
      </p>
    </article>
  );
}
