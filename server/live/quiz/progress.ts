// Who has answered each open question, and "N of M have answered" broadcast a few times a second
// with a sequence number, never once per answer. A cache of the `quiz_answers` rows of active
// seats: filled from the rows before a batch stores more, so the count equals the rows, and a
// second answer is refused before it reaches the database. A question's entry goes when it
// closes, so memory holds only open questions.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { participants, quizAnswers } from "../../../db/schema";
import { logError } from "../../errorLog";
import { isActiveSeat, seatCount } from "../lobby/seats";
import type { LiveServer } from "../publish/events";
import { rooms } from "../publish/rooms";
import type { QuizView } from "../views/types";

type Progress = NonNullable<QuizView["progress"]>;

/** "N of M have answered" goes out at most this often per question. */
const PROGRESS_MS = 250;

export type Answered = { sessionId: string; ids: Set<string>; seq: number; timer?: NodeJS.Timeout };

export function createQuizProgress(db: Database, io: LiveServer) {
  const answered = new Map<string, { sessionId: string; entry: Promise<Answered> }>();
  // Broadcasts still due, closed questions' included (their entries are gone): stop() clears them all.
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Who has answered, read from the rows the first time: only for a question the gate has open. */
  function of(sessionId: string, questionId: string): Promise<Answered> {
    const held = answered.get(questionId);
    if (held) return held.entry;
    const entry = db
      .select({ participantId: quizAnswers.participantId })
      .from(quizAnswers)
      .innerJoin(participants, and(eq(participants.id, quizAnswers.participantId), isActiveSeat))
      .where(eq(quizAnswers.questionId, questionId))
      .then((rows) => ({ sessionId, ids: new Set(rows.map((r) => r.participantId)), seq: 0 }));
    answered.set(questionId, { sessionId, entry });
    entry.catch(() => answered.get(questionId)?.entry === entry && answered.delete(questionId));
    return entry;
  }

  function soon(questionId: string, entry: Answered) {
    if (stopped || entry.timer) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      entry.timer = undefined;
      try {
        const seated = await seatCount(db, entry.sessionId);
        entry.seq++;
        io.to(rooms.session(entry.sessionId)).emit("quiz:progress", { questionId, seq: entry.seq, answered: entry.ids.size, of: seated });
      } catch (error) {
        logError("broadcasting quiz progress failed", error);
      }
    }, PROGRESS_MS);
    entry.timer = timer;
    timers.add(timer);
  }

  return {
    of,

    /** Answers stored (after their commit). */
    async stored(sessionId: string, questionId: string, participantIds: readonly string[]) {
      const entry = await of(sessionId, questionId);
      for (const id of participantIds) entry.ids.add(id);
      soon(questionId, entry);
    },

    /**
     * The progress a view shows of an open question: the count and sequence held here, if any
     * (a view never creates an entry: it could outlive the question's close); else undefined.
     */
    async held(questionId: string, seated: number): Promise<Progress | undefined> {
      const entry = await answered.get(questionId)?.entry.catch(() => undefined);
      return entry && { questionId, seq: entry.seq, answered: entry.ids.size, of: seated };
    },

    closed(questionId: string) {
      answered.delete(questionId);
    },

    /** A deleted session's open question, which no close will ever drop. */
    forget(sessionId: string) {
      for (const [questionId, held] of answered) if (held.sessionId === sessionId) answered.delete(questionId);
    },

    /** A removed student's answer leaves "N of M" (the row stays stored). */
    async seatRemoved(sessionId: string, participantId: string) {
      for (const [questionId, held] of answered) {
        if (held.sessionId !== sessionId) continue;
        const entry = await held.entry.catch(() => undefined);
        if (entry?.ids.delete(participantId)) soon(questionId, entry);
      }
    },

    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type QuizProgressTracker = ReturnType<typeof createQuizProgress>;
