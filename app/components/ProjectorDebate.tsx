import type { ProjectorView } from "../../server/live/views/types";
import { latestFirst, sideNames } from "~/lib/debate";
import { ArgumentItem } from "./ArgumentItem";
import { CurrentRound } from "./CurrentRound";
import { Scoreboard } from "./Scoreboard";

/** A wall holds about this many arguments with their quotes at a size the back row can read. */
const SHOWN = 4;

/** The big screen during the debate: the round and its clock, the newest revealed arguments, the scoreboard. */
export function ProjectorDebate({ view, offsetMs }: { view: ProjectorView; offsetMs: number }) {
  const { round, arguments: items, scoreboard } = view.debate;
  const name = sideNames(view.sides);
  const shown = latestFirst(items, SHOWN);
  return (
    <div className="projector-debate">
      <div>
        {round ? <CurrentRound round={round} sideName={name} offsetMs={offsetMs} size="projector" /> : null}
        {scoreboard ? <Scoreboard board={scoreboard} /> : null}
      </div>
      <section aria-labelledby="wall-heading" className="wall">
        <h2 id="wall-heading">
          Latest arguments{items.length > SHOWN ? <span className="muted"> ({SHOWN} of {items.length})</span> : null}
        </h2>
        {shown.length === 0 ? <p className="muted">Arguments appear here when the teacher reveals them.</p> : null}
        {shown.map((a) => (
          <ArgumentItem key={a.id} argument={a} sideName={name} />
        ))}
      </section>
    </div>
  );
}
