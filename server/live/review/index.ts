// Reviews: a session's whole record for its teacher, and each student's own part of it. Read
// from the database alone, whether the session is running or ended.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { participants, sessions as sessionsTable } from "../../../db/schema";
import { LiveError } from "../errors";
import { sessionNotFound } from "../guards";
import { seatColumns } from "../lobby/seats";
import type { Sessions } from "../lobby/sessions";
import type { ScenarioLibrary } from "../scenarios";
import { buildReview } from "./build";
import { readSessionRecord } from "./read";
import { buildStudentReview } from "./student";
import { sharedReads } from "../sharedReads";

export function createReviews(db: Database, scenarios: ScenarioLibrary, sessions: Sessions) {
  // A class opening their reviews at the bell shares the session's reads.
  const sessionRecord = sharedReads(async (sessionId) => {
    const [session] = await db.select().from(sessionsTable).where(eq(sessionsTable.id, sessionId));
    // Deleted between the seat's read and this one.
    if (!session) throw sessionNotFound();
    const record = await readSessionRecord(db, scenarios, session);
    return { record, review: buildReview(record) };
  });

  return {
    /** The teacher's review of their session; another teacher's is not_found. */
    async sessionReview(teacherId: string, sessionId: string, options: { anonymous?: boolean } = {}) {
      const session = await sessions.hostedSession(teacherId, sessionId);
      return buildReview(await readSessionRecord(db, scenarios, session), options);
    },

    /** A student's own review, from their seat (removed or not). */
    async studentReview({ id, sessionId }: { id: string; sessionId: string }) {
      const [seat] = await db.select(seatColumns).from(participants).where(and(eq(participants.id, id), eq(participants.sessionId, sessionId)));
      if (!seat) throw new LiveError("not_found", "We could not find your seat.");
      const { record, review } = await sessionRecord(sessionId);
      return buildStudentReview(record, review, seat);
    },
  };
}

export type Reviews = ReturnType<typeof createReviews>;
