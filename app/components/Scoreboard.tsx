import type { Scoreboard as Board } from "../../server/live/views/types";
import { signed } from "~/lib/debate";

type Standing = Board["sides"][number];

/** The quiz and audience parts, once someone has points in them: until then their columns stay out. */
const partsIn = (rows: readonly Standing[]) => (["quiz", "audience"] as const).filter((part) => rows.some((s) => s.breakdown[part] !== 0));

/**
 * One table of standings whose columns visibly add up: the cells carry the signs (100, +30, −30,
 * = 100), so the headers stay single words that fit a 360 px phone; soft hyphens let the long
 * ones break once the quiz and audience columns join them. `shown` keeps the top rows only, and
 * the caption says so.
 */
function Standings({ caption, who, rows, shown = rows.length }: { caption: string; who: string; rows: Standing[]; shown?: number }) {
  const ranked = [...rows].sort((a, b) => b.total - a.total).slice(0, shown);
  const parts = partsIn(rows);
  return (
    <div className="table-scroll">
      <table className={parts.length ? "scoreboard more-parts" : "scoreboard"}>
        <caption>
          {caption}
          {ranked.length < rows.length ? ` (top ${ranked.length} of ${rows.length})` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            <th scope="col">Rub{"\u00ad"}ric</th>
            <th scope="col">Votes</th>
            <th scope="col">Chal{"\u00ad"}lenges</th>
            {parts.includes("quiz") ? <th scope="col">Quiz</th> : null}
            {parts.includes("audience") ? <th scope="col">Audi{"\u00ad"}ence</th> : null}
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
              {parts.map((part) => (
                <td key={part}>{signed(s.breakdown[part])}</td>
              ))}
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
  const parts = partsIn([...board.sides, ...(board.individuals ?? [])]);
  return (
    <section aria-labelledby="scoreboard-heading" className="scoreboard-section" id="scoreboard">
      <Heading id="scoreboard-heading">Scoreboard</Heading>
      <p className="muted scoreboard-sum">Total = {["rubric", "peer votes", "challenges", ...parts].join(" + ")}</p>
      <Standings caption="Side totals" who="Side" rows={board.sides} />
      {board.individuals ? <Standings caption="Individual standings" who="Student" rows={board.individuals} shown={individualsShown} /> : null}
    </section>
  );
}
