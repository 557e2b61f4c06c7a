// Sessions: starting one from a scenario version, finding one by its join code, and the
// teacher's own list.
import { and, count, desc, eq, sql } from "drizzle-orm";
import { shortChoices } from "../../../content/plans";
import type { Database } from "../../../db/client";
import { uniqueViolation } from "../../../db/client";
import { participants, sessions, teachers } from "../../../db/schema";
import { CAPACITY } from "../../limits";
import { LiveError } from "../errors";
import { sessionNotFound } from "../guards";
import { adaptRoundPlan, type RoundChoice } from "../rounds/plan";
import type { ScenarioLibrary } from "../scenarios";
import { generateJoinCode, normalizeJoinCode } from "./joinCode";
import { isActiveSeat } from "./seats";

/** The join code `input` stands for; one that cannot be a code is refused as such. */
export function requireJoinCode(input: string) {
  const code = normalizeJoinCode(input);
  if (!code) throw new LiveError("invalid", "A join code has 6 letters and digits, like K7Q2MX.", "code");
  return code;
}

export const noSessionWithCode = () => new LiveError("not_found", "There is no session with that code. Check the code on the board and try again.", "code");

/** The one rule for a class size, for the engine and the forms that start a session. */
export function checkCapacity(capacity: number) {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > CAPACITY.max)
    throw new LiveError("invalid", `Class size must be a whole number from 1 to ${CAPACITY.max}.`, "capacity");
}

export function createSessions(db: Database, scenarios: ScenarioLibrary) {
  async function sessionById(sessionId: string) {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    return row;
  }

  return {
    /** The teacher's own name, which their students may not take. */
    async teacherName(teacherId: string) {
      const [row] = await db.select({ name: teachers.name }).from(teachers).where(eq(teachers.id, teacherId));
      return row?.name ?? "";
    },

    /**
     * Starts the version the teacher previewed (`versionId`), or else the newest one they can see.
     * `rounds` adapts its round plan, or picks the pack's short plan; without it the session runs
     * the plan as written.
     */
    async createSession(
      teacherId: string,
      scenarioId: string,
      options: { capacity?: number; rounds?: RoundChoice[] | "short"; versionId?: number } = {},
    ) {
      const { capacity = CAPACITY.default } = options;
      const version = options.versionId ? await scenarios.visibleVersion(options.versionId, teacherId) : await scenarios.latest(scenarioId, teacherId);
      if (!version || version.scenarioId !== scenarioId) throw new LiveError("not_found", "That scenario does not exist.");
      checkCapacity(capacity);
      const written = version.content.rounds;
      const choices = options.rounds === "short" ? shortChoices(written) : options.rounds;
      if (options.rounds === "short" && choices?.length === 0) throw new LiveError("invalid", "This scenario has no short plan.", "rounds");
      const plan = choices ? adaptRoundPlan(written, choices) : { ok: true as const, plan: written };
      if (!plan.ok) throw new LiveError("invalid", plan.message, "rounds");
      // Codes are random; on the rare clash with an existing code, draw again.
      for (let attempt = 0; attempt < 8; attempt++) {
        try {
          const [row] = await db
            .insert(sessions)
            .values({ code: generateJoinCode(), teacherId, scenarioVersionId: version.id, capacity, roundPlan: plan.plan })
            .returning();
          return row;
        } catch (error) {
          if (!uniqueViolation(error)) throw error;
        }
      }
      throw new Error("could not draw a free join code");
    },

    /** The teacher's sessions, newest first, each with its active seats: one grouped count for them all. */
    async sessionsOf(teacherId: string) {
      const seated = db
        .select({ sessionId: participants.sessionId, n: count().as("n") })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .where(and(eq(sessions.teacherId, teacherId), isActiveSeat))
        .groupBy(participants.sessionId)
        .as("seated");
      return db
        .select({
          id: sessions.id,
          code: sessions.code,
          status: sessions.status,
          scenarioVersionId: sessions.scenarioVersionId,
          createdAt: sessions.createdAt,
          endedAt: sessions.endedAt,
          students: sql<number>`coalesce(${seated.n}, 0)`.mapWith(Number),
        })
        .from(sessions)
        .leftJoin(seated, eq(seated.sessionId, sessions.id))
        .where(eq(sessions.teacherId, teacherId))
        .orderBy(desc(sessions.createdAt));
    },

    /** The session a teacher may run; anyone else gets not_found, so ids reveal nothing. */
    async hostedSession(teacherId: string, sessionId: string) {
      const session = await sessionById(sessionId);
      if (!session || session.teacherId !== teacherId) throw sessionNotFound();
      return session;
    },

    async sessionByCode(input: string) {
      const [session] = await db.select().from(sessions).where(eq(sessions.code, requireJoinCode(input)));
      if (!session) throw noSessionWithCode();
      return session;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
