import { useMemo } from "react";
import type { ReviewPage } from "../../server/live/review/types";
import type { Standing } from "../../server/live/scoring/debate";
import { sideNames, signed } from "~/lib/debate";
import { ordinal } from "~/lib/quiz";
import { competitionRanks } from "../../server/live/scoring/ranks";
import { ledgerOf, ledgerSum, type LedgerLine } from "~/lib/reviewLedger";

// Soft hyphens let the long headers break so all the columns, the total too, fit a phone.
const PARTS = [
  ["rubric", "Rub\u00adric"],
  ["peerVotes", "Peer votes"],
  ["challenges", "Chal\u00adlenges"],
  ["quiz", "Quiz"],
  ["audience", "Audi\u00adence"],
] as const;

/** Every entry behind one row's total, in words, adding up to it. */
function Ledger({ lines, name, total }: { lines: LedgerLine[]; name: string; total: number }) {
  return (
    <details className="ledger-fold">
      <summary>
        Where {name}’s {total} points come from ({lines.length} {lines.length === 1 ? "entry" : "entries"})
      </summary>
      {lines.length ? (
        <ul className="ledger-lines">
          {lines.map((l, i) => (
            <li key={i}>
              <span>{l.text}</span> <strong className="ledger-points">{signed(l.points)}</strong>
            </li>
          ))}
          <li className="ledger-sum">
            <span>Total</span> <strong className="ledger-points">= {ledgerSum(lines)}</strong>
          </li>
        </ul>
      ) : (
        <p className="muted">No points yet.</p>
      )}
    </details>
  );
}

type TableProps = { review: ReviewPage; linesOf: ReturnType<typeof ledgerOf>; caption: string; who: "Side" | "Student"; rows: Standing[] };

/** A standings table whose parts add up to the total, each row followed by its ledger. */
function StandingsTable({ review, linesOf, caption, who, rows }: TableProps) {
  const ranks = competitionRanks(rows, (r) => r.total);
  const sideOf = new Map(review.people.map((p) => [p.id, p.sideId]));
  const sideName = sideNames(review.scenario.sides);
  const columns = PARTS.length + 3;
  return (
    <div className="table-scroll">
      <table className="scoreboard more-parts standings">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col" className="name-col">
              {who}
            </th>
            {PARTS.map(([part, label]) => (
              <th scope="col" key={part}>
                {label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        {rows.map((row, i) => (
          <tbody key={row.id}>
            <tr>
              <td>{ordinal(ranks[i])}</td>
              <th scope="row">
                {row.name}
                {who === "Student" ? <span className="muted small-print row-side"> {sideName(sideOf.get(row.id) ?? null) || "No side"}</span> : null}
              </th>
              {PARTS.map(([part], j) => (
                <td key={part}>{j === 0 ? row.breakdown[part] : signed(row.breakdown[part])}</td>
              ))}
              <td className="total">
                <strong>{row.total}</strong>
              </td>
            </tr>
            <tr className="ledger-row">
              <td colSpan={columns}>
                <Ledger lines={linesOf(who === "Side" ? { sideId: row.id } : { participantId: row.id })} name={row.name} total={row.total} />
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Side and student standings with every part, and for each row every point's origin. */
export function StandingsLedger({ review }: { review: ReviewPage }) {
  const { sides, individuals } = review.standings;
  const removed = review.people.some((p) => p.removed);
  // Indexed once for both tables, not once per row: a class can have 2,000 rows.
  const linesOf = useMemo(() => ledgerOf(review), [review]);
  return (
    <section aria-labelledby="standings-heading" className="review-section">
      <h2 id="standings-heading">Standings</h2>
      <p className="muted">Total = rubric + peer votes + challenges + quiz + audience. Open a row’s list to see where each point came from.</p>
      <StandingsTable review={review} linesOf={linesOf} caption="Sides" who="Side" rows={sides} />
      <StandingsTable review={review} linesOf={linesOf} caption="Students" who="Student" rows={individuals} />
      {removed ? <p className="muted small-print">Removed students are not listed; the points from what they said stay with their side.</p> : null}
    </section>
  );
}
