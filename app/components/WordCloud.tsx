import type { WordCloudEntry } from "../../server/live/views/types";
import { cloudSize } from "~/lib/polls";

/**
 * Short answers sized by how often they were given (sizes change smoothly as answers arrive).
 * Screen readers get the same entries as a list with their counts. Entries the teacher hid are
 * not drawn.
 */
export function WordCloud({ entries, caption }: { entries: WordCloudEntry[]; caption: string }) {
  const shown = entries.filter((e) => !e.hidden);
  const most = Math.max(0, ...shown.map((e) => e.count));
  if (shown.length === 0) return <p className="muted">No answers yet.</p>;
  return (
    <figure className="chart word-cloud">
      <figcaption className="visually-hidden">{caption}</figcaption>
      <p className="cloud" aria-hidden="true">
        {shown.map((e) => (
          <span key={e.text} className="cloud-entry" style={{ fontSize: `${cloudSize(e.count, most)}em` }}>
            {e.text}
          </span>
        ))}
      </p>
      <ul className="visually-hidden">
        {shown.map((e) => (
          <li key={e.text}>
            {e.text}: {e.count}
          </li>
        ))}
      </ul>
    </figure>
  );
}
