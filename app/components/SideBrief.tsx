import type { ParticipantView } from "../../server/live/views/types";
import { EvidenceCard } from "./EvidenceCard";

type SideView = NonNullable<ParticipantView["side"]>;

const stanceText = { for: "You argue for the motion.", against: "You argue against the motion.", mixed: "Your side has a mixed view of the motion." };

/** A student's own side: who they speak for, their private brief, and their evidence cards. */
export function SideBrief({ side }: { side: SideView }) {
  return (
    <section aria-labelledby="your-side">
      <h2 id="your-side">Your side: {side.name}</h2>
      <p>{side.who}</p>
      <p>
        <strong>{stanceText[side.stance]}</strong> {side.position}
      </p>
      <details open className="panel">
        <summary>
          <strong>Your role brief</strong> (only your side sees this)
        </summary>
        <h3>What you care about</h3>
        <ul>
          {side.brief.interests.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        <h3>Talking points</h3>
        <ol>
          {side.brief.talkingPoints.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ol>
        <h3>Expect these attacks</h3>
        <ul>
          {side.brief.expectedAttacks.map((x) => (
            <li key={x.attack}>
              <strong>{x.attack}</strong>
              <br />
              <span>How you might answer: {x.response}</span>
            </li>
          ))}
        </ul>
      </details>
      <h2>Your evidence cards ({side.cards.length})</h2>
      {side.cards.map((card) => (
        <EvidenceCard key={card.id} card={card} />
      ))}
    </section>
  );
}
