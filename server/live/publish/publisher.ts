// Sends what changed to Socket.IO rooms, after the change commits. Commands fill an outbox;
// the command runner flushes it on commit, so no command publishes a change that rolled back.
// - Deltas (a round starting, an argument) are small events sent once to a room, not views.
// - Whole views are for connect and reconnect, and for the lobby's seat changes: host and
//   projector views are coalesced per session (a wave of joins is one broadcast) and paced by
//   what the last one cost (a big class joining gets a roster every few seconds, not a send per
//   join); a student's own view goes out at once. They are rebuilt from the database, so the
//   latest commit wins.
// - Scores are coalesced too: a burst of votes is one broadcast per room.
import { logError } from "../../errorLog";
import type { HostView, ParticipantView, ProjectorView, Scoreboard } from "../views/types";
import type { LiveServer, ServerToClientEvents } from "./events";
import { rooms } from "./rooms";

export type ViewSource = {
  hostAndProjector(sessionId: string): Promise<{ host: HostView; projector: ProjectorView }>;
  participants(sessionId: string, participantIds?: readonly string[]): Promise<ParticipantView[]>;
  /** The full scoreboard and vote counts for the teacher; what the others may see of it. */
  scores(sessionId: string): Promise<{ host: Scoreboard; votes: Record<string, number>; others: Scoreboard | null }>;
};

type Event = keyof ServerToClientEvents;
type Args<E extends Event> = Parameters<ServerToClientEvents[E]>;

/** Closes every socket in `room` for good, telling each why first (it shows the reason, and does not retry). */
export function closeRoom(io: LiveServer, room: string | string[], message: string) {
  io.to(room).emit("connection:closed", { message });
  io.in(room).disconnectSockets(true);
}

/**
 * How long after a whole-view send of a session starts the next one may start, from what the
 * last one cost: 25 times the time it took (building it from the database, encoding, writing),
 * so these sends take at most 4% of the server's time, and as long as its size takes at
 * 200 KB/s, so the teacher's laptop and the projector are not sent more than that; never more
 * than `maxMs`, so a teacher watching a class join sees the count climb every few seconds. A
 * class of 30 is sent within 100-200 ms; 2,000 students joining over 30 s get a roster every
 * few seconds (a few MB, not one 500 KB roster per join). The first change after a quiet spell
 * waits only the coalescing interval.
 */
export const VIEW_PACE = { costFactor: 25, bytesPerSecond: 200_000, maxMs: 3000 } as const;
export const viewGapMs = (costMs: number, bytes: number) =>
  Math.min(VIEW_PACE.maxMs, Math.max(VIEW_PACE.costFactor * costMs, (1000 * bytes) / VIEW_PACE.bytesPerSecond));

export function createPublisher(io: LiveServer, views: ViewSource, coalesceMs: number) {
  let closed = false;
  const report = (what: string) => (error: unknown) => logError(`publishing ${what} failed`, error);
  /** Sends under way (they read the database): shutting down waits for them before the database closes. */
  const running = new Set<Promise<unknown>>();
  function track(work: Promise<unknown>) {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  /**
   * Runs `send` for a session `coalesceMs` after it is first asked for, one send at a time, in
   * order. A send asked for while another is running (or, with `gapMs`, before the gap after the
   * last one's start has passed) waits for it and is then sent once, however many were asked
   * for meanwhile: a build slower than the interval (a big class joining) queues no backlog.
   */
  function coalesced(what: string, send: (sessionId: string) => Promise<number | void>, gapMs?: (costMs: number, bytes: number) => number) {
    const pending = new Map<string, NodeJS.Timeout>();
    const sending = new Set<string>();
    /** Sessions whose last send's gap has not passed yet. */
    const resting = new Map<string, NodeJS.Timeout>();
    const again = new Set<string>();
    function run(sessionId: string) {
      if (closed) return;
      sending.add(sessionId);
      const started = performance.now();
      const sent = send(sessionId).catch(report(what));
      track(sent);
      void sent
        .then((bytes) => {
          sending.delete(sessionId);
          const cost = performance.now() - started;
          const rest = gapMs ? gapMs(cost, bytes ?? 0) - cost : 0;
          if (rest <= 0 || closed) {
            if (again.delete(sessionId)) run(sessionId);
            return;
          }
          resting.set(
            sessionId,
            setTimeout(() => {
              resting.delete(sessionId);
              if (again.delete(sessionId)) run(sessionId);
            }, rest),
          );
        });
    }
    return {
      schedule(sessionId: string) {
        if (closed || pending.has(sessionId)) return;
        pending.set(
          sessionId,
          setTimeout(() => {
            pending.delete(sessionId);
            // A slow earlier build never lands after a newer one: the newer waits for it.
            if (sending.has(sessionId) || resting.has(sessionId)) again.add(sessionId);
            else run(sessionId);
          }, coalesceMs),
        );
      },
      /** Nothing more for this session (deleted): its sends still due would find it gone. */
      forget(sessionId: string) {
        clearTimeout(pending.get(sessionId));
        clearTimeout(resting.get(sessionId));
        pending.delete(sessionId);
        resting.delete(sessionId);
        again.delete(sessionId);
      },
      cancel() {
        for (const timer of [...pending.values(), ...resting.values()]) clearTimeout(timer);
        pending.clear();
        resting.clear();
        again.clear();
      },
    };
  }

  const audiences = coalesced(
    "host and projector views",
    async (sessionId) => {
      const built = await views.hostAndProjector(sessionId);
      io.to(rooms.host(sessionId)).emit("host:view", built.host);
      io.to(rooms.projector(sessionId)).emit("projector:view", built.projector);
      // What the two sends weigh as JSON, as Socket.IO encodes them: the roster is most of it.
      return JSON.stringify(built.host).length + JSON.stringify(built.projector).length;
    },
    viewGapMs,
  );

  const scores = coalesced("scores", async (sessionId) => {
    const built = await views.scores(sessionId);
    io.to(rooms.host(sessionId)).emit("scores:changed", { scoreboard: built.host, votes: built.votes });
    io.to(rooms.session(sessionId)).except(rooms.host(sessionId)).emit("scores:changed", { scoreboard: built.others });
  });

  async function participants(sessionId: string, participantIds?: readonly string[]) {
    if (closed || participantIds?.length === 0) return;
    try {
      for (const view of await views.participants(sessionId, participantIds)) {
        const room = rooms.participant(view.me.id);
        // A student's sockets follow their seat into their side's room.
        const sides = view.sides.map((s) => rooms.side(sessionId, s.id));
        io.in(room).socketsLeave(sides);
        if (view.side && !view.me.removed) io.in(room).socketsJoin(rooms.side(sessionId, view.side.id));
        io.to(room).emit("participant:view", view);
      }
    } catch (error) {
      report("participant views")(error);
    }
  }

  return {
    /** A fresh outbox for one transaction: nothing in it is sent unless it is flushed. */
    outbox() {
      const queue: (() => unknown)[] = [];
      return {
        /** A delta to rooms (an array reaches each socket once). */
        emit<E extends Event>(room: string | string[], event: E, ...args: Args<E>) {
          queue.push(() => (io.to(room).emit as (e: E, ...a: Args<E>) => boolean)(event, ...args));
        },
        /** Host and projector get a new view soon. */
        views(sessionId: string) {
          queue.push(() => audiences.schedule(sessionId));
        },
        /** Each named student (or everyone in the session) gets their own view now, and their side's room. */
        participants(sessionId: string, participantIds?: readonly string[]) {
          queue.push(() => participants(sessionId, participantIds));
        },
        scores(sessionId: string) {
          queue.push(() => scores.schedule(sessionId));
        },
        /** Closes a student's sockets for good, saying why (removed, seat moved to another device). */
        evict(participantId: string, message: string) {
          queue.push(() => closeRoom(io, rooms.participant(participantId), message));
        },
        /** Anything else to do after the commit (a timer to arm). */
        after(work: () => unknown) {
          queue.push(work);
        },
        /** In order: a removed student gets their last view before their sockets close. */
        flush() {
          const work = queue.splice(0);
          const flushed = (async () => {
            for (const item of work) {
              if (closed) return;
              try {
                await item();
              } catch (error) {
                report("an event")(error);
              }
            }
          })();
          track(flushed);
          return flushed;
        },
      };
    },

    /** A student came online or went offline: one small event to the teacher, who shows it. */
    presenceChanged(sessionId: string, participantId: string, online: boolean) {
      if (!closed) io.to(rooms.host(sessionId)).emit("presence:changed", { participantId, online });
    },

    /** Drops a deleted session's broadcasts still due. */
    forget(sessionId: string) {
      audiences.forget(sessionId);
      scores.forget(sessionId);
    },

    /**
     * Drops pending broadcasts and refuses new ones: the server is shutting down. Settles once the
     * sends under way have finished, so none reads a database already closed.
     */
    async close() {
      closed = true;
      audiences.cancel();
      scores.cancel();
      await Promise.all(running);
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
export type Outbox = ReturnType<Publisher["outbox"]>;
