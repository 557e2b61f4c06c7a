import type { ReviewPage } from "../../server/live/review/types";
import { dateText, exportUrl, reviewUrl, sessionStatusLabel, spanText, timeText, type Zone } from "~/lib/review";
import { Time } from "./LocalTime";
import { EXPORTS } from "../../server/live/review/files";

type Props = { review: ReviewPage; zone: Zone; loadedAt: number };

/**
 * What the review is of (scenario, motion, when, status, class), and what can be done with it:
 * switch names to anonymous labels for projecting, print, download the exports.
 */
export function ReviewHeader({ review, zone, loadedAt }: Props) {
  const { session, scenario, anonymous } = review;
  const removed = review.people.filter((p) => p.removed).length;
  return (
    <header className="review-header">
      <p className="actions no-print">
        <a href={`/teacher/sessions/${session.id}`}>Back to the console</a>
        <a href="/teacher">All sessions</a>
      </p>
      <h1>
        Review: {scenario.title} <span className="join-code muted">{session.code}</span>
      </h1>
      <p className="motion">
        <strong>Motion:</strong> {scenario.motion}
      </p>
      <dl className="facts">
        <div>
          <dt>Date</dt>
          <dd>
            <Time ms={session.createdAt}>{dateText(session.createdAt, zone)}</Time>
          </dd>
        </div>
        <div>
          <dt>Times</dt>
          <dd>{session.endedAt === null ? `Started ${timeText(session.createdAt, zone)}` : spanText(session.createdAt, session.endedAt, zone)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{sessionStatusLabel[session.status]}</dd>
        </div>
        <div>
          <dt>Class</dt>
          <dd>
            {review.people.length - removed} {review.people.length - removed === 1 ? "student" : "students"} of a class size of {session.capacity}
            {removed ? ` (${removed} removed)` : ""}
          </dd>
        </div>
        {anonymous ? (
          <div>
            <dt>Names</dt>
            <dd>Anonymous labels, in the order students joined</dd>
          </div>
        ) : null}
      </dl>
      {session.status !== "ended" ? (
        <p className="banner note">
          This session is still running: this review shows what was stored at <Time ms={loadedAt}>{timeText(loadedAt, zone)}</Time>.{" "}
          <a href={reviewUrl(session.id, anonymous)}>Reload the review</a> for the latest, or{" "}
          <a href={`/teacher/sessions/${session.id}`}>go back to the console</a>.
        </p>
      ) : null}
      <div className="review-tools no-print">
        <nav aria-label="Names on this page" className="names-switch">
          <span className="names-switch-label">Names:</span>
          {/* Whole-page loads, so the anonymous page's HTML and data never held a real name. */}
          <a href={reviewUrl(session.id, false)} aria-current={anonymous ? undefined : "page"}>
            {anonymous ? "" : "✓ "}Real names
          </a>
          <a href={reviewUrl(session.id, true)} aria-current={anonymous ? "page" : undefined}>
            {anonymous ? "✓ " : ""}Anonymous labels (to project to the class)
          </a>
        </nav>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <section aria-labelledby="exports-heading" className="exports no-print">
        <h2 id="exports-heading">Downloads{anonymous ? " (anonymous labels)" : ""}</h2>
        <ul className="export-list">
          {EXPORTS.map(({ file, what }) => (
            <li key={file}>
              <a href={exportUrl(session.id, file, anonymous)} download>
                {file}
              </a>{" "}
              <span className="muted small-print">{what}</span>
            </li>
          ))}
        </ul>
      </section>
    </header>
  );
}
