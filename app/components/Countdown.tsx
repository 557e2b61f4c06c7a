import { useEffect, useReducer, useRef, useState } from "react";
import { countdownPhase, formatClock, secondsLeft, spokenClock, WARNING_SECONDS, type CountdownPhase, type RoundClock } from "~/lib/clock";

type Props = {
  round: RoundClock;
  offsetMs: number;
  size?: "normal" | "projector";
  /** Seconds left from which it warns (a quiz question's time is short). */
  warnAt?: number;
  /** What a closed clock says: "Round closed", "Question closed". */
  closedLabel?: string;
};
type Seen = { phase: CountdownPhase; minutes: number; warned: boolean };
type Message = { text: string; n: number };

const TICK_MS = 250;

const badges = (warnAt: number, closedLabel: string): Record<CountdownPhase, string | null> => ({
  running: null,
  warning: `Last ${warnAt} seconds`,
  paused: "Paused",
  up: "Time is up",
  closed: closedLabel,
});
// Glyphs every system font has (⏸ is missing from some, and shows as a box).
const icons: Partial<Record<CountdownPhase, string>> = { warning: "⚠", paused: "‖" };

/**
 * A round's time left, from the server's deadline corrected by the clock offset. The number is a
 * silent timer; screen readers are told once when the last 30 seconds (`warnAt`) start, once when
 * time is up and once when the round closes before its time ran out (assertive), and politely at each whole
 * minute and on pause or resume. Nothing is announced for the state found on first render, only
 * for changes seen after it.
 */
export function Countdown({ round, offsetMs, size = "normal", warnAt = WARNING_SECONDS, closedLabel = "Round closed" }: Props) {
  // The phone's clock is unknown to the server's render, so an open round's time shows once
  // mounted; after that each render reads the clock, and the interval only asks for renders.
  const [mounted, setMounted] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const open = round.status === "open";

  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (!open) return;
    const id = window.setInterval(rerender, TICK_MS);
    return () => window.clearInterval(id);
  }, [open]);

  // A paused or closed round's time does not depend on the clock.
  const seconds = !open ? secondsLeft(round, offsetMs, 0) : mounted ? secondsLeft(round, offsetMs, Date.now()) : null;
  const phase = seconds === null ? "running" : countdownPhase(round.status, seconds, warnAt);
  const [alert, note] = useAnnouncements(phase, seconds, warnAt, closedLabel);
  const badge = badges(warnAt, closedLabel)[phase];

  return (
    <div className={`countdown countdown-${size} countdown-${phase}`}>
      <div role="timer" aria-live="off" aria-atomic="true" className="countdown-time">
        <span aria-hidden="true">{seconds === null ? "–:––" : formatClock(seconds)}</span>
        <span className="visually-hidden">{seconds === null ? "Time left loading" : `${spokenClock(seconds)} left`}</span>
      </div>
      {badge && (
        <p className="countdown-badge">
          {icons[phase] && <span aria-hidden="true">{icons[phase]} </span>}
          {badge}
        </p>
      )}
      {/* Keyed spans so the same words said again (time up twice after an extension) are announced again. */}
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {alert && <span key={alert.n}>{alert.text}</span>}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {note && <span key={note.n}>{note.text}</span>}
      </div>
    </div>
  );
}

function useAnnouncements(phase: CountdownPhase, seconds: number | null, warnAt: number, closedLabel: string): [Message | null, Message | null] {
  const seen = useRef<Seen | null>(null);
  const count = useRef(0);
  const [alert, setAlert] = useState<Message | null>(null);
  const [note, setNote] = useState<Message | null>(null);

  useEffect(() => {
    if (seconds === null) return;
    const prev = seen.current;
    const minutes = Math.ceil(seconds / 60);
    const say = (set: typeof setAlert, text: string) => set({ text, n: ++count.current });
    const counting = phase === "running" || phase === "warning";
    if (prev) {
      if (phase === "warning" && !prev.warned) say(setAlert, `${spokenClock(seconds)} left`);
      else if (phase === "up" && prev.phase !== "up") say(setAlert, "Time is up");
      // A round that closes at its deadline was just announced as time up; one ended early was not.
      else if (phase === "closed" && prev.phase !== "closed" && prev.phase !== "up") say(setAlert, closedLabel);
      if (phase === "paused" && prev.phase !== "paused") say(setNote, `Paused with ${spokenClock(seconds)} left`);
      else if (counting && prev.phase === "paused") say(setNote, `Resumed, ${spokenClock(seconds)} left`);
      else if (phase === "running" && minutes < prev.minutes) say(setNote, `${spokenClock(minutes * 60)} left`);
    }
    // Warned once per stretch under the threshold; more time added above it re-arms the warning.
    const warned = seconds <= warnAt && (!prev || prev.warned || phase === "warning");
    seen.current = { phase, minutes, warned };
  }, [phase, seconds, warnAt, closedLabel]);

  return [alert, note];
}
