import type { Rubric } from "../../server/live/views/types";

/** The rubric as a judge reads it: each criterion's weight and what each score from 1 to 5 means. */
export function RubricTable({ rubric }: { rubric: Rubric }) {
  // Every criterion has the same number of levels (the schema's rule).
  const scores = (rubric[0]?.levels ?? []).map((_, i) => i + 1);
  return (
    <div className="table-scroll">
      <table className="rubric-table">
        <caption className="visually-hidden">What each score means, per criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {scores.map((n) => (
              <th scope="col" key={n}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.label} <span className="muted">(weight {c.weight})</span>
              </th>
              {c.levels.map((level, i) => (
                <td key={i}>{level}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
