import type { ProjectorView } from "../../server/live/views/types";
import { latestFirst, sideNames } from "~/lib/debate";
import { ArgumentItem } from "./ArgumentItem";
import { CurrentRound } from "./CurrentRound";
import { Scoreboard } from "./Scoreboard";

/** A wall holds about this many arguments with their quotes at a size the back row can read. */
const SHOWN = 4;
/** Individual standings the wall holds beside the side totals without scrolling (a projector cannot scroll). */
const STANDINGS_SHOWN = 8;

/**
 * The big screen during the debate: the round and its clock, and either the newest revealed
 * arguments or, while the teacher shows it, the scoreboard. The scoreboard takes the wall's place
 * (and the round shrinks to a bar) so the whole of it fits the screen.
 */
export function ProjectorDebate({ view, offsetMs }: { view: ProjectorView; offsetMs: number }) {
  const { round, arguments: items, scoreboard } = view.debate;
  const name = sideNames(view.sides);
  const shown = latestFirst(items, SHOWN);
  return (
    <div className={`projector-debate${scoreboard ? " board" : ""}`}>
      {round ? <CurrentRound round={round} sideName={name} offsetMs={offsetMs} size="projector" /> : null}
      {scoreboard ? (
        <Scoreboard board={scoreboard} individualsShown={STANDINGS_SHOWN} />
      ) : (
        <section aria-labelledby="wall-heading" className="wall">
          <h2 id="wall-heading">
            Latest arguments{items.length > SHOWN ? <span className="muted"> ({SHOWN} of {items.length})</span> : null}
          </h2>
          {shown.length === 0 ? <p className="muted">Arguments appear here when the teacher reveals them.</p> : null}
          {shown.map((a) => (
            <ArgumentItem key={a.id} argument={a} sideName={name} />
          ))}
        </section>
      )}
    </div>
  );
}
