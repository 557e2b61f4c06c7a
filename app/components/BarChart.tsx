import type { Bar } from "~/lib/polls";

type Props = {
  bars: Bar[];
  /** Names the chart and its table for screen readers. */
  caption: string;
  /** What is counted: "Votes", "Answers". */
  counted?: string;
  /** Rows (choices) or columns (the 1-5 scale, read left to right). */
  layout?: "rows" | "columns";
};

/**
 * Bars that grow smoothly as counts arrive (a CSS transition on the share), with the count and
 * share written beside each. The drawing is hidden from screen readers, which get the same
 * numbers as a table; a correct option is marked with ✓ and words, never by colour alone.
 */
export function BarChart({ bars, caption, counted = "Votes", layout = "rows" }: Props) {
  return (
    <figure className={`chart chart-${layout}`}>
      <div className="bars" aria-hidden="true">
        {bars.map((b, i) => (
          <div key={i} className={`bar${b.correct ? " correct" : ""}`} style={{ "--share": `${b.percent}%` } as React.CSSProperties}>
            <span className="bar-label">
              {b.correct ? "✓ " : ""}
              {b.label}
            </span>
            <span className="bar-track">
              <span className="bar-fill" />
            </span>
            <span className="bar-value">
              {b.count} · {b.percent}%
            </span>
          </div>
        ))}
      </div>
      {/* Hidden in a box: a table ignores the 1 px size and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">{counted}</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={i}>
                <th scope="row">
                  {b.label}
                  {b.correct ? " (correct)" : ""}
                </th>
                <td>{b.count}</td>
                <td>{b.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
