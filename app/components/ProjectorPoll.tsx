import type { PollsView, PollView, RoundView } from "../../server/live/views/types";
import { CurrentRound } from "./CurrentRound";
import { PersuasionResult } from "./PersuasionResult";
import { PollChart } from "./PollChart";

type Props = { polls: PollsView & { current: PollView }; round: RoundView | null; sideName: (id: string) => string; offsetMs: number };

/**
 * A poll on the wall: its question, "N of M have voted" and the chart as the class may see it
 * (only the progress while results are hidden), under the clock of the plan round running it.
 * Once the after-debate motion poll's result is out, the persuasion result takes the wall: its
 * table holds the after poll's shares too.
 */
export function ProjectorPoll({ polls, round, sideName, offsetMs }: Props) {
  const poll = polls.current;
  if (poll.phase === "after" && polls.persuasion)
    return (
      <div className="projector-persuasion">
        <PersuasionResult persuasion={polls.persuasion} />
      </div>
    );
  // The poll's clock is its plan round's; an ad hoc poll has none.
  const clock = round && poll.roundId === round.id ? round : null;
  // Its round shrinks to a bar above the chart (as beside the scoreboard), so long options keep the width.
  return (
    <div className={`projector-poll${clock ? " board" : ""}`}>
      {clock ? <CurrentRound round={clock} sideName={sideName} offsetMs={offsetMs} size="projector" /> : null}
      <section aria-labelledby="projector-poll-heading" className="poll-stage">
        <h2 id="projector-poll-heading">
          <span className="kind-tag">{poll.status === "open" ? "Poll" : "Poll closed"}</span> {poll.prompt}
        </h2>
        <PollChart poll={poll} />
      </section>
    </div>
  );
}
