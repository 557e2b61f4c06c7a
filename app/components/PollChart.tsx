import type { PollTally, PollView } from "../../server/live/views/types";
import { bars, chartOf, scaleAverage, votedLine } from "~/lib/polls";
import { BarChart } from "./BarChart";
import { WordCloud } from "./WordCloud";

/**
 * A poll's results as this audience may see them: "N of M have voted" always, then bars, the 1-5
 * distribution or the word cloud; while the results are hidden from this audience, only the
 * progress and a note. Console, phone, projector and the review share it.
 */
export function PollChart({ poll }: { poll: Pick<PollView, "kind" | "options" | "prompt"> & { tally: Pick<PollTally, "voted" | "of" | "counts" | "cloud"> } }) {
  const { tally } = poll;
  const chart = chartOf(poll);
  const caption = `Results: ${poll.prompt}`;
  const average = chart === "scale" && tally.counts ? scaleAverage(tally.counts) : null;
  return (
    <div className="poll-chart">
      <p className="poll-progress">
        <strong>{votedLine(tally)}</strong>
      </p>
      {chart === "cloud" ? (
        tally.cloud ? (
          <WordCloud entries={tally.cloud} caption={caption} />
        ) : (
          <HiddenNote />
        )
      ) : tally.counts ? (
        <>
          <BarChart
            bars={bars(chart === "scale" ? poll.options.map((o, i) => `${i + 1} ${o}`) : poll.options, tally.counts, tally.voted)}
            caption={caption}
            layout={chart === "scale" ? "columns" : "rows"}
          />
          {average !== null ? <p className="muted">Average: {average} of 5</p> : null}
        </>
      ) : (
        <HiddenNote />
      )}
    </div>
  );
}

const HiddenNote = () => <p className="muted">The results are hidden until the teacher reveals them.</p>;
