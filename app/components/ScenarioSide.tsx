import type { Side } from "../../content/schema";
import type { CardView } from "../../server/live/views/types";
import { stanceLabel } from "~/lib/content";
import { EvidenceCard } from "./EvidenceCard";
import { RoleBrief } from "./RoleBrief";

/** One side as a teacher previews it: who they are, their private brief and their cards. */
export function ScenarioSide({ side, cards }: { side: Side; cards: CardView[] }) {
  const heading = `side-${side.id}`;
  return (
    <section className="panel scenario-side" aria-labelledby={heading}>
      <h3 id={heading}>{side.name}</h3>
      <p className="stance">{stanceLabel(side)}</p>
      <p>{side.who}</p>
      <p>
        <strong>Position:</strong> {side.position}
      </p>
      <h4>Role brief (only this side's students see it)</h4>
      <RoleBrief brief={side.brief} audience="teacher" level={5} />
      <details className="side-cards">
        <summary>Evidence cards ({cards.length})</summary>
        {cards.map((card) => (
          <EvidenceCard key={card.id} card={card} />
        ))}
      </details>
    </section>
  );
}
