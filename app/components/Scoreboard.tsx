import type { Scoreboard as Board } from "../../server/live/views/types";
import { signed } from "~/lib/debate";

type Standing = Board["sides"][number];

/** One table of standings whose columns visibly add up: rubric + peer votes + challenges = total. */
function Standings({ caption, who, rows }: { caption: string; who: string; rows: Standing[] }) {
  const ranked = [...rows].sort((a, b) => b.total - a.total);
  return (
    <div className="table-scroll">
      <table className="scoreboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            <th scope="col">Rubric</th>
            <th scope="col">+ Peer votes</th>
            <th scope="col">+ Challenges</th>
            <th scope="col">= Total</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name}
              </th>
              <td>{s.breakdown.rubric}</td>
              <td>{signed(s.breakdown.peerVotes)}</td>
              <td>{signed(s.breakdown.challenges)}</td>
              <td>
                <strong>{s.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The scoreboard as this audience may see it: side totals, and individual standings when shown. */
export function Scoreboard({ board, headingLevel = 2 }: { board: Board; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby="scoreboard-heading" className="scoreboard-section">
      <Heading id="scoreboard-heading">Scoreboard</Heading>
      <Standings caption="Side totals" who="Side" rows={board.sides} />
      {board.individuals ? <Standings caption="Individual standings" who="Student" rows={board.individuals} /> : null}
    </section>
  );
}
