import type { Side } from "../../content/schema";
import type { CardView } from "../../server/live/views/types";
import { EvidenceCard } from "./EvidenceCard";

export const stanceLabel = { for: "For the motion", against: "Against the motion", mixed: "Mixed view of the motion" } as const;

/** One side as a teacher previews it: who they are, their private brief and their cards. */
export function ScenarioSide({ side, cards }: { side: Side; cards: CardView[] }) {
  const heading = `side-${side.id}`;
  return (
    <section className="panel scenario-side" aria-labelledby={heading}>
      <h3 id={heading}>{side.name}</h3>
      <p className="stance">{stanceLabel[side.stance]}</p>
      <p>{side.who}</p>
      <p>
        <strong>Position:</strong> {side.position}
      </p>
      <h4>Role brief (only this side's students see it)</h4>
      <p className="brief-label">What they care about</p>
      <ul>
        {side.brief.interests.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      <p className="brief-label">Talking points</p>
      <ol>
        {side.brief.talkingPoints.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ol>
      <p className="brief-label">Attacks to expect, and how they might answer</p>
      <ul>
        {side.brief.expectedAttacks.map((x) => (
          <li key={x.attack}>
            <strong>{x.attack}</strong>
            <br />
            {x.response}
          </li>
        ))}
      </ul>
      <details className="side-cards">
        <summary>Evidence cards ({cards.length})</summary>
        {cards.map((card) => (
          <EvidenceCard key={card.id} card={card} />
        ))}
      </details>
    </section>
  );
}
