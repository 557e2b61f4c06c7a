import type { ReviewBallot } from "../../server/live/review/types";
import type { Rubric } from "../../server/live/views/types";

/** A judge's ballot as it stands: each criterion's score, the ballot's points and the comment. */
export function BallotSummary({ ballot, rubric, author }: { ballot: ReviewBallot; rubric: Rubric; author: string }) {
  return (
    <div className="ballot-summary">
      <div className="table-scroll">
        <table className="scoreboard ballot-table">
          <caption>
            Ballot by {ballot.judge} for {author}: {ballot.points} points
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Weight</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {rubric.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                <td>{c.weight}</td>
                <td className="score-cell">
                  <strong>
                    {ballot.scores[c.id] ?? "–"} of {c.levels.length}
                  </strong>
                  {c.levels[ballot.scores[c.id] - 1] ? <span className="muted small-print"> {c.levels[ballot.scores[c.id] - 1]}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ballot.comment ? (
        <p className="ballot-comment">
          <strong>Comment:</strong> {ballot.comment}
        </p>
      ) : (
        <p className="muted small-print">No comment.</p>
      )}
    </div>
  );
}
