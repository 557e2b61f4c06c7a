import { useEffect, useState } from "react";
import type { PackedScenario } from "../../content/schema";
import { ROUND_SECONDS } from "../../content/limits";
import { minutes, planSeconds, shortPlanOf } from "../../content/plans";
import { roundKindLabel } from "./ScenarioPlan";

type Plan = "full" | "short" | "custom";
type Base = Exclude<Plan, "custom">;

/**
 * Part of the start-session form: the plan as written, the pack's short plan for one class
 * period, or the teacher's own. Sends `plan`; for "custom" also `keep=<index>` for each kept
 * round and `minutes-<index>`. The editor starts from the last plan chosen (with JavaScript),
 * and changing it chooses "custom"; without JavaScript the teacher picks "custom" themselves.
 */
export function PlanChoice({ scenario }: { scenario: PackedScenario }) {
  const [plan, setPlan] = useState<Plan>("full");
  const [base, setBase] = useState<Base>("full");
  // Each choice of a written plan resets the editor to it, even the one it already started from,
  // until the teacher edits it: then their own plan stays, whatever radio an arrow key passes.
  const [resets, setResets] = useState(0);
  const [edited, setEdited] = useState(false);
  // Until the page runs its script, an edit cannot choose "custom" by itself: the hint says so.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const short = shortPlanOf(scenario.rounds);
  const choose = (next: Plan) => {
    setPlan(next);
    if (next === "custom" || edited) return;
    setBase(next);
    setResets((n) => n + 1);
  };
  const total = (rounds: readonly { seconds: number }[]) => minutes(planSeconds(rounds));
  return (
    <fieldset className="radio-group plan-choice">
      <legend>Lesson plan</legend>
      <label className="check">
        <input type="radio" name="plan" value="full" checked={plan === "full"} onChange={() => choose("full")} />
        Full plan: {scenario.rounds.length} rounds, {total(scenario.rounds)}
      </label>
      {short.length ? (
        <label className="check">
          <input type="radio" name="plan" value="short" checked={plan === "short"} onChange={() => choose("short")} />
          Short plan for one class period: {short.length} rounds, {total(short)}
        </label>
      ) : null}
      <label className="check">
        <input type="radio" name="plan" value="custom" checked={plan === "custom"} onChange={() => choose("custom")} />
        My own plan, adapted below
      </label>
      <details className="round-plan-editor" open={plan === "custom"}>
        <summary>Adapt the round plan</summary>
        <p className="hint">
          Untick a round to leave it out; times are in minutes.{" "}
          {hydrated ? "Changing anything here chooses “My own plan”." : "These changes count when “My own plan” is chosen above."}
        </p>
        <ol
          key={`${base}-${resets}`}
          onChange={() => {
            setPlan("custom");
            setEdited(true);
          }}
        >
          {scenario.rounds.map((round, i) => {
            const seconds = base === "short" ? round.short : round.seconds;
            return (
              <li key={i}>
                <input type="checkbox" id={`keep-${i}`} name="keep" value={i} defaultChecked={seconds !== undefined} />
                <label htmlFor={`keep-${i}`}>
                  {round.title} <span className="kind-tag">{roundKindLabel[round.kind]}</span>
                </label>
                <label htmlFor={`minutes-${i}`} className="visually-hidden">
                  Minutes for {round.title}
                </label>
                <input
                  id={`minutes-${i}`}
                  name={`minutes-${i}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={ROUND_SECONDS.min / 60}
                  max={ROUND_SECONDS.max / 60}
                  // Two decimals of a minute round back to the same whole second on the server.
                  defaultValue={Number(((seconds ?? round.seconds) / 60).toFixed(2))}
                />
              </li>
            );
          })}
        </ol>
      </details>
    </fieldset>
  );
}
