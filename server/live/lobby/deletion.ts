// Deleting a session for good, the teacher's choice after a confirmation: its row goes, and every
// table holding the class's records cascades from it (db/schema.ts), so no seat, request, round,
// argument, ballot, vote, challenge, poll or quiz answer is left. Not a `runCommand`: that refuses
// an ended session, and a finished class's records are what a teacher most often deletes.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { debateArguments, participants, peerVotes, polls, pollVotes, quizAnswers, quizQuestions, rounds, sessions } from "../../../db/schema";
import { sessionNotFound } from "../guards";
import type { HotPath } from "../hotpath";
import type { ScenarioLibrary } from "../scenarios";
import type { Sessions } from "./sessions";

/** What open consoles, projectors and phones are told as their sockets close. */
export const SESSION_DELETED = "This session was deleted by its teacher.";

type Deps = {
  db: Database;
  hot: HotPath;
  scenarios: ScenarioLibrary;
  /** The session, if it is this teacher's; anyone else's (or none) is not_found, so ids reveal nothing. */
  owned: Sessions["hostedSession"];
  /** Drops what memory holds for the deleted session and closes its sockets. */
  forget(sessionId: string): void;
};

export function createDeletion({ db, hot, scenarios, owned, forget }: Deps) {
  const counted = (rows: { n: number }[]) => rows[0]?.n ?? 0;

  return {
    /** What deleting would take with it, for the confirmation page. */
    async deletionSummary(teacherId: string, sessionId: string) {
      const session = await owned(teacherId, sessionId);
      const [{ title }, students, argumentCount, pollVoteCount, peerVoteCount, answers] = await Promise.all([
        scenarios.content(session.scenarioVersionId),
        db.select({ n: count() }).from(participants).where(eq(participants.sessionId, sessionId)),
        db.select({ n: count() }).from(debateArguments).where(eq(debateArguments.sessionId, sessionId)),
        db.select({ n: count() }).from(pollVotes).innerJoin(polls, eq(polls.id, pollVotes.pollId)).where(eq(polls.sessionId, sessionId)),
        db.select({ n: count() }).from(peerVotes).innerJoin(rounds, eq(rounds.id, peerVotes.roundId)).where(eq(rounds.sessionId, sessionId)),
        db.select({ n: count() }).from(quizAnswers).innerJoin(quizQuestions, eq(quizQuestions.id, quizAnswers.questionId)).where(eq(quizQuestions.sessionId, sessionId)),
      ]);
      return {
        session,
        title,
        students: counted(students),
        arguments: counted(argumentCount),
        votes: counted(pollVoteCount) + counted(peerVoteCount),
        answers: counted(answers),
      };
    },

    /**
     * Deletes the session in one statement, which waits for the session's row lock (a teacher's
     * command running) and its seats' share locks (a student's write running). Quiesced first, so
     * the session's votes and answers already waiting in a batch are stored (and then deleted)
     * rather than left in a batch with other classes' writes; new ones are refused.
     */
    async deleteSession(teacherId: string, sessionId: string) {
      // A plain check first: another teacher's guess never holds up this class's writes.
      await owned(teacherId, sessionId);
      await hot.quiesce(sessionId, async () => {
        let deleted: unknown[];
        try {
          deleted = await db
            .delete(sessions)
            .where(and(eq(sessions.id, sessionId), eq(sessions.teacherId, teacherId)))
            .returning({ id: sessions.id });
        } finally {
          hot.commandSettled(sessionId);
        }
        // Deleted meanwhile, from another tab.
        if (deleted.length === 0) throw sessionNotFound();
        forget(sessionId);
      });
    },
  };
}
