import type { RoundView } from "../../server/live/views/types";
import { listNames } from "~/lib/debate";
import { Countdown } from "./Countdown";
import { roundKindLabel } from "./ScenarioPlan";

const statusText = { open: "", paused: " · paused", closed: " · closed" } as const;

/** The round now: its title and kind, who is on the floor, and its clock. Phone and projector share it. */
export function CurrentRound({ round, sideName, offsetMs, size = "normal" }: { round: RoundView; sideName: (id: string) => string; offsetMs: number; size?: "normal" | "projector" }) {
  return (
    <section className={`current-round current-round-${size} round-${round.status}`} aria-labelledby="round-heading">
      <div className="round-text">
        <h2 id="round-heading">
          {round.title} <span className="kind-tag">{roundKindLabel[round.kind]}</span>
          <span className="visually-hidden">{statusText[round.status]}</span>
        </h2>
        <p className="floor">On the floor: {round.sides.length ? listNames(round.sides.map(sideName)) : "everyone"}</p>
      </div>
      <Countdown round={round} offsetMs={offsetMs} size={size} />
    </section>
  );
}
