import type { PackedScenario } from "../../content/schema";
import { ROUND_SECONDS } from "../../content/limits";
import { roundKindLabel } from "./ScenarioPlan";

/**
 * Part of the start-session form: the teacher keeps or drops each round and sets its time.
 * Sends `plan=custom`, `keep=<index>` for each kept round and `minutes-<index>`.
 */
export function RoundPlanEditor({ scenario }: { scenario: PackedScenario }) {
  return (
    <details className="round-plan-editor">
      <summary>Adapt the round plan (optional)</summary>
      <input type="hidden" name="plan" value="custom" />
      <p className="hint">Untick a round to leave it out; times are in minutes.</p>
      <ol>
        {scenario.rounds.map((round, i) => (
          <li key={i}>
            <input type="checkbox" id={`keep-${i}`} name="keep" value={i} defaultChecked />
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
              defaultValue={Number((round.seconds / 60).toFixed(2))}
            />
          </li>
        ))}
      </ol>
    </details>
  );
}
