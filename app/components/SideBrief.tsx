import type { ParticipantView } from "../../server/live/views/types";
import { yourStance } from "~/lib/content";
import { EvidenceCard } from "./EvidenceCard";
import { RoleBrief } from "./RoleBrief";

type SideView = NonNullable<ParticipantView["side"]>;

/**
 * A student's own side: who they speak for, their private brief, and their evidence cards.
 * `briefOpen` false folds the brief away while a round runs; it stays one tap away.
 */
export function SideBrief({ side, briefOpen = true }: { side: SideView; briefOpen?: boolean }) {
  return (
    <section aria-labelledby="your-side">
      <h2 id="your-side">Your side: {side.name}</h2>
      <p>{side.who}</p>
      <p>
        <strong>{yourStance(side)}</strong> {side.position}
      </p>
      <details open={briefOpen} className="panel">
        <summary>
          <strong>Your role brief</strong> (only your side sees this)
        </summary>
        <RoleBrief brief={side.brief} audience="student" level={3} />
      </details>
      <h2>Your evidence cards ({side.cards.length})</h2>
      {side.cards.map((card) => (
        <EvidenceCard key={card.id} card={card} />
      ))}
    </section>
  );
}
