import { useState } from "react";
import type { ScenarioPollItem } from "../../server/live/views/types";
import { POLL_LIMITS } from "../../server/limits";
import type { Payload } from "../../server/realtime/events";
import type { Run, Send } from "~/lib/live";
import { pollKindLabel, pollWhenLabel } from "~/lib/polls";
import { FormError } from "./Field";

type Start = Payload<"poll:start">;
type Props = { library: ScenarioPollItem[]; send: Send; run: Run; disabled: boolean; keepingFocus: (command: Parameters<Run>[0]) => Parameters<Run>[0] };

const quickKinds = [
  { value: "choice", label: "Single choice" },
  { value: "multiple", label: "Multiple choice" },
  { value: "scale", label: "Agreement from 1 to 5" },
  { value: "text", label: "Short text (word cloud)" },
] as const;
type QuickKind = (typeof quickKinds)[number]["value"];

/** One option per line, blank lines left out. */
const optionLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Launching a poll: one of the scenario's, or one typed on the spot (single or multiple choice,
 * the 1-5 scale, or short text for a word cloud), with its results live or hidden until revealed
 * and, if the teacher wants, anonymous.
 */
export function PollLauncher({ library, send, run, disabled, keepingFocus }: Props) {
  const start = (payload: Start, done: string) =>
    run(
      keepingFocus(() => send("poll:start", payload)),
      done
    );
  return (
    <div className="poll-launcher">
      {library.length > 0 ? <ScenarioPollForm library={library} disabled={disabled} onStart={start} /> : null}
      <QuickPollForm disabled={disabled} onStart={start} />
    </div>
  );
}

type FormProps = { disabled: boolean; onStart: (payload: Start, done: string) => void };

function ScenarioPollForm({ library, disabled, onStart }: FormProps & { library: ScenarioPollItem[] }) {
  return (
    <form
      className="launch-form"
      aria-labelledby="scenario-poll-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const item = library.find((p) => p.id === form.get("poll"));
        if (!item) return;
        const results = form.get("results");
        onStart(
          {
            scenarioPollId: item.id,
            ...(results === "live" || results === "hidden" ? { results } : {}),
            // Unticked leaves the scenario's choice: a poll the scenario makes anonymous stays so.
            ...(form.get("anonymous") ? { anonymous: true } : {}),
          },
          `Poll started: ${item.prompt}`
        );
      }}
    >
      <h3 id="scenario-poll-heading">From the scenario</h3>
      <label htmlFor="scenario-poll">Scenario poll</label>
      <select id="scenario-poll" name="poll" disabled={disabled}>
        {/* When first: a closed select shows only a label's start, and the two motion polls share their prompt. */}
        {library.map((p) => (
          <option key={p.id} value={p.id}>
            {pollWhenLabel[p.when]} · {p.prompt} ({pollKindLabel[p.kind].toLowerCase()})
          </option>
        ))}
      </select>
      <label htmlFor="scenario-poll-results">Results</label>
      <select id="scenario-poll-results" name="results" defaultValue="" disabled={disabled}>
        <option value="">As the scenario sets them (motion polls: hidden until revealed)</option>
        <option value="live">Live as votes arrive</option>
        <option value="hidden">Hidden until I reveal them</option>
      </select>
      <label className="check">
        <input type="checkbox" name="anonymous" disabled={disabled} />
        Anonymous: no one, you included, sees who voted what
      </label>
      <button type="submit" disabled={disabled}>
        Start poll
      </button>
    </form>
  );
}

function QuickPollForm({ disabled, onStart }: FormProps) {
  const [kind, setKind] = useState<QuickKind>("choice");
  const [error, setError] = useState<string>();
  const chosen = kind === "choice" || kind === "multiple";
  return (
    <form
      className="launch-form"
      aria-labelledby="quick-poll-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const prompt = String(form.get("prompt") ?? "").trim();
        const options = chosen ? optionLines(String(form.get("options") ?? "")) : [];
        if (chosen && options.length < 2) return setError("Give at least two options, one per line.");
        if (options.length > POLL_LIMITS.options) return setError(`A poll has at most ${POLL_LIMITS.options} options.`);
        setError(undefined);
        onStart(
          { custom: { kind, prompt, options }, results: form.get("hidden") ? "hidden" : "live", anonymous: form.get("anonymous") !== null },
          `Quick poll started: ${prompt}`
        );
      }}
    >
      <h3 id="quick-poll-heading">Quick poll</h3>
      <label htmlFor="quick-poll-kind">Kind of poll</label>
      <select id="quick-poll-kind" value={kind} disabled={disabled} onChange={(e) => setKind(e.currentTarget.value as QuickKind)}>
        {quickKinds.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor="quick-poll-prompt">Question</label>
      <input id="quick-poll-prompt" name="prompt" type="text" required maxLength={POLL_LIMITS.prompt} disabled={disabled} />
      {chosen ? (
        <>
          <label htmlFor="quick-poll-options">Options, one per line</label>
          <textarea id="quick-poll-options" name="options" rows={4} required disabled={disabled} aria-describedby="quick-poll-options-hint" />
          <p id="quick-poll-options-hint" className="muted small-print">
            2 to {POLL_LIMITS.options} options, each up to {POLL_LIMITS.option} characters.
          </p>
        </>
      ) : null}
      <label className="check">
        <input type="checkbox" name="hidden" disabled={disabled} />
        Hide the results until I reveal them
      </label>
      <label className="check">
        <input type="checkbox" name="anonymous" disabled={disabled} />
        Anonymous: no one, you included, sees who voted what
      </label>
      <button type="submit" disabled={disabled}>
        Start quick poll
      </button>
      <FormError message={error} />
    </form>
  );
}
