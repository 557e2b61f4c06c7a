import type { HostView, PlanItem } from "../../server/live/views/types";
import { isSpeakingRound, listNames, nextUpcoming, planStatusLabel, sideNames } from "~/lib/debate";
import { spokenClock } from "~/lib/clock";
import { useHeadingFocus, type Run, type Send } from "~/lib/live";
import { EXTEND_SECONDS } from "../../server/live/rounds/clock";
import { isRunningStatus } from "../../server/live/rounds/kinds";
import { Countdown } from "./Countdown";
import { minutes, planSeconds } from "../../content/plans";
import { roundKindLabel } from "./ScenarioPlan";

type Props = { view: HostView; send: Send; run: Run; offsetMs: number; disabled: boolean };

/**
 * The teacher's running order: the plan with each round's state in words, starting the next
 * round or skipping one, and the clock of the round being run (pause, resume, more time, end).
 */
export function RoundControls({ view, send, run, offsetMs, disabled }: Props) {
  const { plan, round } = view.debate;
  const name = sideNames(view.scenario.sides);
  const next = nextUpcoming(plan);
  const running = round && round.status !== "closed" ? round : null;
  const floor = (item: { sides: string[] }) => (item.sides.length ? listNames(item.sides.map(name)) : "Everyone");
  // Starting, ending or skipping a round removes the button just pressed: keep focus in the panel.
  const { heading, keepingFocus } = useHeadingFocus();

  return (
    <section className="panel" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading" ref={heading} tabIndex={-1}>
        Round plan <span className="muted">({plan.length} rounds, {minutes(planSeconds(plan))})</span>
      </h2>
      {running ? (
        <div className="current-round">
          <p>
            <strong>{running.title}</strong> <span className="kind-tag">{roundKindLabel[running.kind]}</span> · on the floor: {floor(running)}
          </p>
          <Countdown round={running} offsetMs={offsetMs} />
          <div className="actions" role="group" aria-label="Clock of the running round">
            {running.status === "open" ? (
              <button type="button" className="secondary" disabled={disabled} onClick={() => run(() => send("round:pause", { roundId: running.id }), "Round paused.")}>
                Pause
              </button>
            ) : (
              <button type="button" disabled={disabled} onClick={() => run(() => send("round:resume", { roundId: running.id }), "Round resumed.")}>
                Resume
              </button>
            )}
            {EXTEND_SECONDS.map((seconds) => (
              <button
                key={seconds}
                type="button"
                className="secondary"
                disabled={disabled}
                onClick={() => run(() => send("round:extend", { roundId: running.id, seconds }), `${spokenClock(seconds)} added.`)}
              >
                +{seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`}
                <span className="visually-hidden"> (add {spokenClock(seconds)})</span>
              </button>
            ))}
            <button
              type="button"
              className="danger"
              disabled={disabled}
              onClick={() => {
                if (window.confirm(`End “${running.title}” now? Students can no longer submit in it.`)) run(keepingFocus(() => send("round:end", { roundId: running.id })), "Round ended.");
              }}
            >
              End early
            </button>
          </div>
        </div>
      ) : next ? (
        <p className="actions">
          <button type="button" disabled={disabled} onClick={() => run(keepingFocus(() => send("round:start", { index: next.index })), `${next.title} started.`)}>
            Start next round<span className="visually-hidden">: {next.title}</span>
          </button>
          <span>
            Next: <strong>{next.title}</strong> ({minutes(next.seconds)})
          </span>
        </p>
      ) : (
        <p className="muted">Every round of the plan has been run or skipped.</p>
      )}
      <ol className="round-list">
        {plan.map((item) => (
          <PlanRow key={item.index} item={item} floor={floor(item)} disabled={disabled} onSkip={() => run(keepingFocus(() => send("round:skip", { index: item.index })), `${item.title} skipped.`)} />
        ))}
      </ol>
    </section>
  );
}

function PlanRow({ item, floor, disabled, onSkip }: { item: PlanItem; floor: string; disabled: boolean; onSkip: () => void }) {
  return (
    <li className={`plan-row ${item.status}`} aria-current={isRunningStatus(item.status) ? "step" : undefined}>
      <span className="plan-title">
        <strong>{item.title}</strong> <span className="kind-tag">{roundKindLabel[item.kind]}</span>
      </span>
      <span className="muted">
        {isSpeakingRound(item.kind) || item.kind === "crossfire" ? `On the floor: ${floor}` : roundKindLabel[item.kind]} · {minutes(item.seconds)}
      </span>
      <span className="plan-status">{planStatusLabel[item.status]}</span>
      {item.status === "upcoming" ? (
        <button type="button" className="secondary small" disabled={disabled} onClick={onSkip}>
          Skip<span className="visually-hidden"> {item.title}</span>
        </button>
      ) : null}
    </li>
  );
}
