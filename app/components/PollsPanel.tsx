import type { HostView, PollView } from "../../server/live/views/types";
import { useHeadingFocus, type Run, type Send } from "~/lib/live";
import { pollKindLabel } from "~/lib/polls";
import { PersuasionResult } from "./PersuasionResult";
import { PollChart } from "./PollChart";
import { PollLauncher } from "./PollLauncher";
import { PollVoters } from "./PollVoters";

type Props = { view: HostView; send: Send; run: Run; disabled: boolean };

const phaseLabel = { before: "Motion poll before the debate", after: "Motion poll after the debate" } as const;

/**
 * The teacher's polls: the poll open now (or the last one) with its live results, closing and
 * revealing it, hiding word-cloud entries and seeing who voted what; launching the next one once
 * none is open; and the persuasion result once both motion polls have closed.
 */
export function PollsPanel({ view, send, run, disabled }: Props) {
  const { current, persuasion } = view.polls;
  const open = current?.status === "open";
  // Starting, closing or revealing a poll removes the button just pressed: keep focus in the panel.
  const { heading, keepingFocus } = useHeadingFocus();
  return (
    <section className="panel polls-panel" aria-labelledby="polls-heading">
      <h2 id="polls-heading" ref={heading} tabIndex={-1}>
        Polls
      </h2>
      {current ? (
        <CurrentPoll poll={current} send={send} run={run} disabled={disabled} keepingFocus={keepingFocus} />
      ) : (
        <p className="muted">No poll has been run yet.</p>
      )}
      {open ? null : <PollLauncher library={view.library.polls} send={send} run={run} disabled={disabled} keepingFocus={keepingFocus} />}
      {persuasion ? <PersuasionResult persuasion={persuasion} headingLevel={3} /> : null}
    </section>
  );
}

type CurrentProps = { poll: PollView; send: Send; run: Run; disabled: boolean; keepingFocus: ReturnType<typeof useHeadingFocus>["keepingFocus"] };

function CurrentPoll({ poll, send, run, disabled, keepingFocus }: CurrentProps) {
  const open = poll.status === "open";
  const canReveal = poll.results === "hidden" && !poll.revealed;
  return (
    <div className="current-poll">
      <h3>
        {open ? "Open poll" : "Last poll"}: {poll.prompt}
      </h3>
      <p className="poll-tags">
        <span className="plan-status">{open ? "▶ Open" : "✓ Closed"}</span> · {poll.phase ? phaseLabel[poll.phase] : pollKindLabel[poll.kind]} ·{" "}
        {poll.results === "live" ? "results live" : poll.revealed ? "results revealed" : "results hidden from the class"}
        {poll.anonymous ? " · anonymous" : ""}
        {poll.roundId ? " · runs with its round's clock" : ""}
      </p>
      <div className="actions">
        {open ? (
          <button
            type="button"
            className="danger"
            disabled={disabled}
            onClick={() =>
              run(
                keepingFocus(() => send("poll:close", { pollId: poll.id })),
                "Poll closed."
              )
            }
          >
            Close poll
          </button>
        ) : null}
        {canReveal ? (
          <button type="button" disabled={disabled} onClick={() => run(keepingFocus(() => send("poll:reveal", { pollId: poll.id })), "Results revealed to the class.")}>
            Reveal results
          </button>
        ) : null}
      </div>
      <PollChart poll={poll} />
      {poll.kind === "text" && poll.tally.cloud?.length ? <CloudEntries poll={poll} send={send} run={run} disabled={disabled} /> : null}
      {poll.anonymous ? <p className="muted small-print">Anonymous: no one, you included, can see who voted what.</p> : <PollVoters poll={poll} send={send} />}
    </div>
  );
}

/** Every word-cloud entry with a button to hide it from the class (or show it again). */
function CloudEntries({ poll, send, run, disabled }: { poll: PollView; send: Send; run: Run; disabled: boolean }) {
  const entries = poll.tally.cloud ?? [];
  return (
    <details className="cloud-entries" open>
      <summary>Word cloud entries ({entries.length}): hide or show</summary>
      <ul>
        {entries.map((e) => (
          <li key={e.text} className={e.hidden ? "hidden-entry" : undefined}>
            <span className="person-name">
              {e.hidden ? <s>{e.text}</s> : e.text} ({e.count}){e.hidden ? " · hidden" : ""}
            </span>
            <button
              type="button"
              className="secondary small"
              disabled={disabled}
              onClick={() =>
                run(
                  () => send("poll:hideEntry", { pollId: poll.id, entry: e.text, hidden: !e.hidden }),
                  e.hidden ? `“${e.text}” is shown again.` : `“${e.text}” is hidden from the class.`
                )
              }
            >
              {e.hidden ? "Show" : "Hide"}
              <span className="visually-hidden"> “{e.text}”</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
