// Timing for the benchmark's driver: a steady pace of sends, acks timed one by one, and the
// figures a list of times gives.
import { percentile } from "../support/process";
import type { ClientSocket } from "../support/clients";
import type { Ack } from "../../server/live/errors";

/** How long the driver waits for an ack before counting it as never answered. */
export const ACK_TIMEOUT_MS = 10_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls start(i) for i in [0, count), the i-th at `i / perSecond` seconds after the first: an
 * even rate, as a class spreads its taps, not bursts. A timer tick (about a millisecond) starts
 * every send that has come due, so a late tick catches up instead of lowering the rate.
 */
export function paced(count: number, perSecond: number, start: (i: number) => void): Promise<void> {
  const begun = performance.now();
  let sent = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(count, Math.floor(((performance.now() - begun) * perSecond) / 1000) + 1);
      while (sent < due) start(sent++);
      if (sent < count) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
}

export type Timed<T> = { ms: number; answer: Ack<T> | null };

/** Sends an event and answers with its ack and how long it took, or `answer: null` after ACK_TIMEOUT_MS. */
export function timedEmit<T = unknown>(socket: ClientSocket, event: string, payload: unknown): Promise<Timed<T>> {
  const sentAt = performance.now();
  return new Promise((resolve) => {
    (socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(e: string, p: unknown, cb: (error: Error | null, answer: Ack<T>) => void): void }).emit(
      event,
      payload,
      (error, answer) => resolve({ ms: performance.now() - sentAt, answer: error ? null : answer })
    );
  });
}

/** Acks seen in a scenario: the times of the accepted ones, and the refusals by code. */
export class AckCount {
  readonly times: number[] = [];
  readonly refused: Record<string, number> = {};
  timedOut = 0;

  add({ ms, answer }: Timed<unknown>) {
    if (!answer) this.timedOut++;
    else if (answer.ok) this.times.push(ms);
    else this.refused[answer.error.code] = (this.refused[answer.error.code] ?? 0) + 1;
  }

  get acked() {
    return this.times.length;
  }

  /** p50, p99 and the slowest accepted ack, in ms; an error when none was accepted (no figure to give). */
  figures(what: string) {
    if (this.times.length === 0) throw new Error(`${what}: no ack was accepted (refused ${JSON.stringify(this.refused)}, timed out ${this.timedOut})`);
    return { p50: percentile(this.times, 50), p99: percentile(this.times, 99), max: this.times.reduce((a, b) => Math.max(a, b), 0) };
  }

  summary() {
    return { acked: this.acked, refused: this.refused, timedOut: this.timedOut };
  }
}
