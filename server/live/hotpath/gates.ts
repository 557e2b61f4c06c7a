// What a student's vote or answer is checked against before it joins a batch: is this poll or
// question open, and until when. A cache of the database, per session: loaded on first use,
// dropped by every teacher command (they are what opens, pauses and closes things), so it never
// holds a state the database has left. The batch's SQL checks the same in the database too.
//
// A command that closes or pauses something first *holds* its session: new writes wait, those
// already waiting are stored (the batchers drain), then the command runs, then the gate is
// reloaded. So a write acknowledged `ok` is in the result, and none lands after a close; the
// batch's SQL also share-locks the poll or question row, so a close in flight on another
// connection is waited for and seen.
import { and, eq } from "drizzle-orm";
import type { QuizItem } from "../../../content/schema";
import type { Database } from "../../../db/client";
import { polls, quizQuestions, rounds, sessions, type PollRow } from "../../../db/schema";
import type { ScenarioLibrary } from "../scenarios";
import { sessionMap } from "../sessionCaches";

export type PollGate = {
  id: string;
  kind: PollRow["kind"];
  options: number;
  /** Votes are taken now: not paused with its round, not past the round's deadline. */
  accepting: boolean;
  /** The round's deadline (epoch ms), for a poll run by a plan round. */
  endsAt: number | null;
  filter: boolean;
};
export type QuestionGate = { id: string; item: QuizItem; startedAt: number; endsAt: number };
export type SessionGate = { poll: PollGate | null; question: QuestionGate | null };

const NOTHING_OPEN: SessionGate = { poll: null, question: null };

export function createGates(db: Database, scenarios: ScenarioLibrary) {
  const cached = new Map<string, Promise<SessionGate>>();
  const held = new Map<string, { count: number; released: Promise<void>; release: () => void }>();

  async function load(sessionId: string): Promise<SessionGate> {
    const [session] = await db
      .select({ status: sessions.status, pollFilter: sessions.pollFilter, scenarioVersionId: sessions.scenarioVersionId })
      .from(sessions)
      .where(eq(sessions.id, sessionId));
    if (!session || session.status === "ended") return NOTHING_OPEN;
    const [[poll], [question], scenario] = await Promise.all([
      db.select().from(polls).where(and(eq(polls.sessionId, sessionId), eq(polls.status, "open"))),
      db.select().from(quizQuestions).where(and(eq(quizQuestions.sessionId, sessionId), eq(quizQuestions.status, "open"))),
      scenarios.content(session.scenarioVersionId),
    ]);
    const [round] = poll?.roundId ? await db.select().from(rounds).where(eq(rounds.id, poll.roundId)) : [];
    const item = question && scenario.quiz.find((q) => q.id === question.itemId);
    return {
      poll: poll
        ? {
            id: poll.id,
            kind: poll.kind,
            options: poll.options.length,
            accepting: !round || round.status === "open",
            endsAt: round?.endsAt ? round.endsAt.getTime() : null,
            filter: session.pollFilter,
          }
        : null,
      question: question && item ? { id: question.id, item, startedAt: question.startedAt.getTime(), endsAt: question.endsAt.getTime() } : null,
    };
  }

  return {
    /**
     * Lets a write in: `admit` runs with the session's gate, in the same turn of the event loop as
     * the check that no command holds the session, so whatever it queues (a batch entry) is
     * counted by the drain of any hold that starts later. A write that finds the session held, or
     * a hold that started while the gate loaded, waits and checks again with a fresh gate.
     */
    async admit<T>(sessionId: string, admit: (gate: SessionGate) => T): Promise<T> {
      for (;;) {
        while (held.has(sessionId)) await held.get(sessionId)!.released;
        let gate = cached.get(sessionId);
        if (!gate) {
          gate = load(sessionId);
          cached.set(sessionId, gate);
          // A failed load (the database out of reach) is not kept: the next write tries again.
          gate.catch(() => cached.get(sessionId) === gate && cached.delete(sessionId));
        }
        const loaded = await gate;
        if (!held.has(sessionId)) return admit(loaded);
      }
    },

    invalidate(sessionId: string) {
      cached.delete(sessionId);
    },

    cache: sessionMap(cached),

    /** New writes to the session wait until the returned function is called. */
    hold(sessionId: string): () => void {
      let h = held.get(sessionId);
      if (!h) {
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        h = { count: 0, released, release };
        held.set(sessionId, h);
      }
      h.count++;
      cached.delete(sessionId);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        cached.delete(sessionId);
        if (--h.count === 0) {
          held.delete(sessionId);
          h.release();
        }
      };
    },
  };
}

export type Gates = ReturnType<typeof createGates>;
