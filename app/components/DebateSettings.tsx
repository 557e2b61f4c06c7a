import { useEffect, useState } from "react";
import type { HostView, Settings } from "../../server/live/views/types";
import type { Run, Send } from "~/lib/live";

const boardOptions: { value: Settings["scoreboard"]; label: string }[] = [
  { value: "hidden", label: "Hidden" },
  { value: "sides", label: "Side totals" },
  { value: "individuals", label: "Side totals and individual standings" },
];

/** What students and the projector are shown: arguments as they are written, and the scoreboard. */
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
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">What the class sees</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.argumentsLive}
          disabled={disabled}
          onChange={(e) => {
            const argumentsLive = e.currentTarget.checked;
            update({ argumentsLive }, argumentsLive ? "Arguments are shown to students as they are written." : "Arguments are shown only when you reveal a round.");
          }}
        />
        Show arguments to students as they are written
      </label>
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
  );
}
