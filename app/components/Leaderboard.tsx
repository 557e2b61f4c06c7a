import type { LeaderEntry, QuizView } from "../../server/live/views/types";
import { formatNumber, ordinal } from "~/lib/quiz";

type SideName = (id: string | null) => string;

/** The quiz's top five after a question: rank, name, side and points, as a table. */
export function TopFive({ entries, sideName }: { entries: LeaderEntry[]; sideName: SideName }) {
  if (entries.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="scoreboard leaderboard">
        <caption>Quiz leaderboard: top {entries.length}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Student</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.participantId}>
              <td>{ordinal(e.rank)}</td>
              <th scope="row">
                <span className="person-name">{e.name}</span>
                {e.sideId ? <span className="muted small-print"> · {sideName(e.sideId)}</span> : null}
              </th>
              <td>
                <strong>{formatNumber(e.points)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * After a quiz round: the top three on steps (1st in the middle and highest, as a podium; the
 * steps carry the rank in words) and every side's average.
 */
export function Podium({ podium, sideName }: { podium: NonNullable<QuizView["podium"]>; sideName: SideName }) {
  return (
    <section className="podium-section" aria-labelledby="podium-heading">
      <h2 id="podium-heading">Quiz podium</h2>
      <ol className="podium">
        {podium.top.map((e) => (
          <li key={e.participantId} className={`step step-${Math.min(e.rank, 3)}`}>
            <span className="step-person">
              <span className="person-name step-name">{e.name}</span>
              <span className="step-points">{formatNumber(e.points)} points</span>
              {e.sideId ? <span className="small-print">{sideName(e.sideId)}</span> : null}
            </span>
            <span className="step-block">{ordinal(e.rank)}</span>
          </li>
        ))}
      </ol>
      <div className="table-scroll">
        <table className="scoreboard">
          <caption>Side totals (average points per member, so uneven sides are fair)</caption>
          <thead>
            <tr>
              <th scope="col">Side</th>
              <th scope="col">Members</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {podium.sides.map((s) => (
              <tr key={s.sideId}>
                <th scope="row">{s.name}</th>
                <td>{s.members}</td>
                <td>
                  <strong>{formatNumber(s.points)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
