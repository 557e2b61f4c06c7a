import type { Scoreboard as Board } from "../../server/live/views/types";
import { signed } from "~/lib/debate";

type Standing = Board["sides"][number];

/**
 * One table of standings whose columns visibly add up: the cells carry the signs (100, +30, −30,
 * = 100), so the headers stay single words that fit a 360 px phone. `shown` keeps the top rows
 * only, and the caption says so.
 */
function Standings({ caption, who, rows, shown = rows.length }: { caption: string; who: string; rows: Standing[]; shown?: number }) {
  const ranked = [...rows].sort((a, b) => b.total - a.total).slice(0, shown);
  return (
    <div className="table-scroll">
      <table className="scoreboard">
        <caption>
          {caption}
          {ranked.length < rows.length ? ` (top ${ranked.length} of ${rows.length})` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            <th scope="col">Rubric</th>
            <th scope="col">Votes</th>
            <th scope="col">Challenges</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.breakdown.rubric}</td>
              <td>{signed(s.breakdown.peerVotes)}</td>
              <td>{signed(s.breakdown.challenges)}</td>
              <td className="total">
                <strong>{s.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Props = { board: Board; headingLevel?: 2 | 3; individualsShown?: number };

/** The scoreboard as this audience may see it: side totals, and individual standings when shown. */
export function Scoreboard({ board, headingLevel = 2, individualsShown }: Props) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby="scoreboard-heading" className="scoreboard-section" id="scoreboard">
      <Heading id="scoreboard-heading">Scoreboard</Heading>
      <p className="muted scoreboard-sum">Total = rubric + peer votes + challenges</p>
      <Standings caption="Side totals" who="Side" rows={board.sides} />
      {board.individuals ? <Standings caption="Individual standings" who="Student" rows={board.individuals} shown={individualsShown} /> : null}
    </section>
  );
}
