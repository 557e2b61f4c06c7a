// What one client may ask of the server. Limits follow who a socket is (a seat, a teacher),
// never its address: a school puts a whole class behind one address (only failed handshakes,
// before anyone is known, count per address: see handshakes.ts). Three bounds:
// - a seat or teacher shares one event budget across all its sockets, and a tighter one for
//   snapshots (whole views are the expensive answer);
// - a seat keeps at most a few sockets; a new one closes the oldest (a phone that dropped off
//   the Wi-Fi reconnects before its old socket times out, and the newest is the live one);
// - database work that students start (handshakes, commands) runs in one bounded lane, so a
//   flood of it waits its turn instead of filling the database's queue ahead of a teacher.
import pLimit from "p-limit";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { SocketData } from "./events";

/** Events a seat or a teacher may send per second, over all their sockets. */
export const EVENTS_PER_SECOND = 10;
/** Snapshots (whole views) per identity per 10 s: one per (re)connect is the normal use. */
export const SNAPSHOTS_PER_10S = 5;
/** Sockets one seat may hold at once; a teacher's console, projector and spare tabs get more. */
export const SOCKETS_PER_SEAT = 3;
export const SOCKETS_PER_HOST = 8;
/**
 * Student work running at once, and waiting. Two in flight keep the database busy while a
 * teacher's query waits behind at most two, and leave most of a PostgreSQL pool to teachers and
 * broadcasts. The queue holds a whole 2,000-student class reconnecting after a
 * Wi-Fi drop (each handshake takes a millisecond or two); past that, a flood gets quick
 * `rate_limited` answers, which clients retry, instead of unbounded memory.
 */
export const STUDENT_LANE = { concurrency: 2, maxQueue: 2_000 } as const;
/** A lane slot is given back when the work answers; this frees it if an answer never comes. */
const SLOT_TIMEOUT_MS = 10_000;

export const BUSY = "The server is busy. Wait a moment and try again.";
export const TOO_MANY = "Too many actions at once. Wait a moment and try again.";

/** Who a socket is, as the limits count it: the same seat or teacher on any number of sockets. */
export const identityOf = (data: SocketData) =>
  data.role === "participant" ? `seat:${data.participantId}` : `teacher:${data.teacherId}:${data.sessionId}`;

const consumed = (limiter: RateLimiterMemory, key: string) =>
  limiter.consume(key).then(
    () => true,
    () => false,
  );

export type Closable = { emit(event: "connection:closed", notice: { message: string }): unknown; disconnect(close?: boolean): unknown };

const REPLACED = {
  seat: "This seat was opened in another tab or on another device, so this one was closed. Reload to use it here.",
  teacher: "This session is open in too many tabs, so this one was closed. Reload to use it here.",
};

export function createSocketLimits() {
  const events = new RateLimiterMemory({ points: EVENTS_PER_SECOND, duration: 1 });
  const snapshots = new RateLimiterMemory({ points: SNAPSHOTS_PER_10S, duration: 10 });
  const studentLane = pLimit(STUDENT_LANE.concurrency);
  const open = new Map<string, Closable[]>();

  return {
    /** May this identity send `event` now? Counts it either way. */
    async allow(data: SocketData, event: string): Promise<boolean> {
      const who = identityOf(data);
      if (!(await consumed(events, who))) return false;
      return event !== "session:snapshot" || consumed(snapshots, who);
    },

    /**
     * Runs student work in the bounded lane. `start` begins the work and calls `done` when it
     * has answered (for an event, when its acknowledgement is sent). A full queue is refused
     * at once with `busy()` and nothing runs.
     */
    runStudentWork(start: (done: () => void) => void, busy: () => void) {
      if (studentLane.pendingCount >= STUDENT_LANE.maxQueue) return busy();
      void studentLane(
        () =>
          new Promise<void>((release) => {
            const timer = setTimeout(release, SLOT_TIMEOUT_MS);
            // Each task starts on a later turn of the event loop. On PGlite a query resolves in
            // microtasks, so without this a long queue ran task after task without ever reading the
            // network again: a teacher's command waited seconds unread while a class flooded.
            setImmediate(() =>
              start(() => {
                clearTimeout(timer);
                release();
              }),
            );
          }),
      );
    },

    /** Counts a new socket for its identity; past the cap, the oldest ones are closed. */
    admit(data: SocketData, socket: Closable) {
      const who = identityOf(data);
      const list = open.get(who) ?? [];
      list.push(socket);
      open.set(who, list);
      const cap = data.role === "participant" ? SOCKETS_PER_SEAT : SOCKETS_PER_HOST;
      for (const oldest of list.splice(0, Math.max(0, list.length - cap))) {
        oldest.emit("connection:closed", { message: data.role === "participant" ? REPLACED.seat : REPLACED.teacher });
        oldest.disconnect(true);
      }
    },

    release(data: SocketData, socket: Closable) {
      const who = identityOf(data);
      const list = open.get(who)?.filter((s) => s !== socket) ?? [];
      if (list.length) open.set(who, list);
      else open.delete(who);
    },
  };
}

export type SocketLimits = ReturnType<typeof createSocketLimits>;
