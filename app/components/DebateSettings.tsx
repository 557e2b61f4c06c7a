import { useEffect, useState } from "react";
import type { HostView, Settings } from "../../server/live/views/types";
import type { Run, Send } from "~/lib/live";

const boardOptions: { value: Settings["scoreboard"]; label: string }[] = [
  { value: "hidden", label: "Hidden" },
  { value: "sides", label: "Side totals" },
  { value: "individuals", label: "Side totals and individual standings" },
];

/**
 * The session's settings: what students and the projector are shown (arguments as they are
 * written, the scoreboard), and how the quiz is scored and word-cloud answers are filtered.
 */
export function DebateSettings({ view, send, run, disabled }: { view: HostView; send: Send; run: Run; disabled: boolean }) {
  // The controls follow the teacher's click at once, then the server's settings once they change
  // (or at once if the change is refused). Controlled, so keyboard focus stays where it is.
  const [pending, setPending] = useState<Partial<Settings>>();
  useEffect(() => setPending(undefined), [view.debate.settings]);
  const settings = { ...view.debate.settings, ...pending };
  const update = (change: Partial<Settings>, done: string) => {
    run(async () => {
      // Set inside the work: a click the console ignores (another command running) must not stay shown.
      setPending({ ...pending, ...change });
      const result = await send("settings:update", change);
      if (!result.ok) setPending(undefined);
      return result;
    }, done);
  };
  const toggle = (key: Toggled, label: string, on: string, off: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={settings[key]}
        disabled={disabled}
        onChange={(e) => {
          const value = e.currentTarget.checked;
          update({ [key]: value }, value ? on : off);
        }}
      />
      {label}
    </label>
  );
  return (
    <>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">What the class sees</h2>
        {toggle(
          "argumentsLive",
          "Show arguments to students as they are written",
          "Arguments are shown to students as they are written.",
          "Arguments are shown only when you reveal a round."
        )}
        <fieldset className="radio-group">
          <legend>Scoreboard for students and the projector</legend>
          {boardOptions.map((o) => (
            <label key={o.value} className="check">
              <input
                type="radio"
                name="scoreboard"
                value={o.value}
                checked={settings.scoreboard === o.value}
                disabled={disabled}
                onChange={() => update({ scoreboard: o.value }, `Scoreboard: ${o.label.toLowerCase()}.`)}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="panel" aria-labelledby="quiz-settings-heading">
        <h2 id="quiz-settings-heading">Quiz scoring and polls</h2>
        {toggle(
          "quizSpeed",
          "Faster answers earn more quiz points",
          "Quiz points fall with answer time.",
          "Every correct quiz answer earns full points, however fast."
        )}
        {toggle("quizStreak", "Streak bonus for consecutive correct answers", "Consecutive correct answers earn a streak bonus.", "No streak bonus.")}
        {toggle(
          "pollFilter",
          "Filter offensive words out of word-cloud answers",
          "Word-cloud answers pass the profanity filter.",
          "The profanity filter is off for word-cloud answers."
        )}
      </section>
    </>
  );
}

type Toggled = "argumentsLive" | "quizSpeed" | "quizStreak" | "pollFilter";
