import type { Persuasion } from "../../server/live/views/types";
import { flowCount, gainNumber, movedCount, persuasionWinner, shareText, STANCES, stanceLabel } from "~/lib/polls";

type Props = { persuasion: Persuasion; headingLevel?: 2 | 3 };

/**
 * The motion polled before and after the debate, Oxford-style: each stance's share of the room
 * before and after (with a bar each), the gain, who won the audience, and how the students who
 * voted twice moved. Tables, so the numbers read the same to screen readers.
 */
export function PersuasionResult({ persuasion: p, headingLevel = 2 }: Props) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const both = p.flow.reduce((sum, f) => sum + f.count, 0);
  return (
    <section className="persuasion" aria-labelledby="persuasion-heading">
      <Heading id="persuasion-heading">Persuasion result</Heading>
      <p className="persuasion-winner">
        <strong>
          {p.winner === "tie" ? "= " : "★ "}
          {persuasionWinner(p)}
        </strong>
      </p>
      <div className="persuasion-tables">
        <div className="table-scroll">
          <table className="scoreboard shares">
            <caption>
              Share of the room ({p.before.votes} votes before, {p.after.votes} after; change in percentage points)
            </caption>
            <thead>
              <tr>
                <th scope="col">Stance</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {STANCES.map((s) => (
                <tr key={s} className={p.winner === s ? "winner" : undefined}>
                  <th scope="row">{stanceLabel[s]}</th>
                  <td>
                    <ShareBar share={p.before[s]} />
                  </td>
                  <td>
                    <ShareBar share={p.after[s]} />
                  </td>
                  <td>{gainNumber(p.after[s] - p.before[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-scroll">
          <table className="scoreboard flow">
            <caption>
              How students moved: {movedCount(p)} of {both} who voted both times changed their stance
            </caption>
            <thead>
              <tr>
                <th scope="col">Before ↓ · after →</th>
                {STANCES.map((to) => (
                  <th scope="col" key={to}>
                    {stanceLabel[to]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {STANCES.map((from) => (
                <tr key={from}>
                  <th scope="row">{stanceLabel[from]}</th>
                  {STANCES.map((to) => (
                    <td key={to} className={from === to ? "stayed" : undefined}>
                      {flowCount(p, from, to)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {p.onlyBefore || p.onlyAfter ? (
        <p className="muted small-print">
          {p.onlyBefore} voted only before and {p.onlyAfter} only after; they count in the shares, not in the moves.
        </p>
      ) : null}
    </section>
  );
}

function ShareBar({ share }: { share: number }) {
  return (
    <span className="share">
      <span className="share-track" aria-hidden="true">
        <span className="share-fill" style={{ width: `${Math.min(100, Math.max(0, share))}%` }} />
      </span>
      {shareText(share)}
    </span>
  );
}
