import type { ReviewPage, ReviewPoll } from "../../server/live/review/types";
import { pollKindLabel } from "~/lib/polls";
import { spanText, type Zone } from "~/lib/review";
import { Time } from "./LocalTime";
import { PersuasionResult } from "./PersuasionResult";
import { PollChart } from "./PollChart";
import { VoteFlow } from "./VoteFlow";

const phaseLabel = { before: "before the debate", after: "after the debate" } as const;

/** One poll's results as the class saw them: bars, the 1-5 columns, or the word cloud. */
function PollResult({ poll, zone, heading, level }: { poll: ReviewPoll; zone: Zone; heading: string; level: 3 | 4 }) {
  const Heading = `h${level}` as "h3" | "h4";
  return (
    <article className="review-poll" aria-labelledby={`poll-${poll.id}`}>
      <Heading id={`poll-${poll.id}`}>{heading}</Heading>
      <p className="poll-prompt">{poll.prompt}</p>
      <p className="muted small-print">
        {pollKindLabel[poll.kind]}
        {poll.anonymous ? " · anonymous" : ""} · <Time ms={poll.openedAt}>{spanText(poll.openedAt, poll.closedAt, zone)}</Time>
      </p>
      <PollChart poll={{ ...poll, tally: poll }} />
    </article>
  );
}

/**
 * The motion polled before and after the debate, side by side, with the persuasion result and
 * the flow of votes between them; then every other poll (and motion polls outside that pair).
 */
export function ReviewPolls({ review, zone }: { review: ReviewPage; zone: Zone }) {
  const { before, after, persuasion } = review.motion;
  const paired = new Set([before?.id, after?.id]);
  const quick = review.polls.filter((p) => !paired.has(p.id));
  return (
    <section aria-labelledby="polls-heading" className="review-section">
      <h2 id="polls-heading">Polls</h2>
      {before || after ? (
        <>
          <div className="side-by-side motion-polls">
            {[before, after].map((poll, i) =>
              poll ? (
                <PollResult key={poll.id} poll={poll} zone={zone} level={3} heading={`Motion ${phaseLabel[i === 0 ? "before" : "after"]}`} />
              ) : (
                <p key={i} className="muted">
                  The motion was not polled {phaseLabel[i === 0 ? "before" : "after"]}.
                </p>
              ),
            )}
          </div>
          {persuasion ? (
            <div className="panel">
              <PersuasionResult persuasion={persuasion} headingLevel={3} />
              <h3 id="flow-heading">Flow of votes</h3>
              <VoteFlow persuasion={persuasion} />
            </div>
          ) : (
            <p className="muted">No persuasion result: it needs a closed motion poll before and after the debate, each with votes.</p>
          )}
        </>
      ) : (
        <p className="muted">The motion was not polled in this session.</p>
      )}
      <h3 id="quick-polls-heading">Quick polls ({quick.length})</h3>
      {quick.length === 0 ? <p className="muted">No other polls were run.</p> : null}
      <div className="side-by-side">
        {quick.map((poll) => (
          <PollResult key={poll.id} poll={poll} zone={zone} level={4} heading={`Poll ${poll.position}${poll.phase ? ` (motion, ${phaseLabel[poll.phase]})` : ""}`} />
        ))}
      </div>
    </section>
  );
}
