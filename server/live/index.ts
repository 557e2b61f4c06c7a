// The session engine. Every change to a live session is a command here: the caller has parsed
// the input; the command authorizes, runs one transaction that locks the session row (so
// commands on one session apply in order), bumps the session's version, then publishes views.
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { uniqueViolation } from "../../db/client";
import { participants, sessions, type ParticipantRow, type SessionRow } from "../../db/schema";
import type { SocketData } from "../realtime/events";
import { rooms } from "../realtime/rooms";
import { CAPACITY } from "../limits";
import { LiveError } from "./errors";
import { generateJoinCode, normalizeJoinCode } from "./joinCode";
import { checkDisplayName } from "./names";
import { createPresence } from "./presence";
import { createPublisher, type LiveServer } from "./publisher";
import type { ScenarioLibrary } from "./scenarios";
import { adaptRoundPlan, type RoundChoice } from "./roundPlan";
import { autoBalance, smallestSide } from "./sides";
import { hostView, participantView, projectorView, type View } from "./views";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const NO_SESSION = "There is no session with that code. Check the code on the board and try again.";
const ENDED = "This session has ended.";

export type LiveOptions = { db: Database; io: LiveServer; scenarios: ScenarioLibrary; coalesceMs?: number };

export function createLive({ db, io, scenarios, coalesceMs = 100 }: LiveOptions) {
  const presence = createPresence();

  const seatsOf = (tx: Database | Transaction, sessionId: string) =>
    tx.select().from(participants).where(eq(participants.sessionId, sessionId)).orderBy(asc(participants.joinedAt), asc(participants.id));

  const activeSeats = (tx: Database | Transaction, sessionId: string) =>
    tx
      .select()
      .from(participants)
      .where(and(eq(participants.sessionId, sessionId), isNull(participants.removedAt)))
      .orderBy(asc(participants.joinedAt), asc(participants.id));

  async function sessionById(sessionId: string) {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    return row;
  }

  /** What the host and projector views are built from, read fresh from the database. */
  async function roomState(sessionId: string) {
    const session = await sessionById(sessionId);
    if (!session) throw new LiveError("not_found", "This session does not exist.");
    const [scenario, seats] = await Promise.all([scenarios.content(session.scenarioVersionId), seatsOf(db, sessionId)]);
    return { session, scenario, seats };
  }

  const publisher = createPublisher(
    io,
    {
      async hostAndProjector(sessionId) {
        const { session, scenario, seats } = await roomState(sessionId);
        return { host: hostView(session, scenario, seats, presence.isOnline), projector: projectorView(session, scenario, seats) };
      },
      async participants(sessionId, ids) {
        const session = await sessionById(sessionId);
        if (!session) return [];
        const scenario = await scenarios.content(session.scenarioVersionId);
        const where = ids ? and(eq(participants.sessionId, sessionId), inArray(participants.id, [...ids])) : eq(participants.sessionId, sessionId);
        const rows = await db.select().from(participants).where(where);
        return rows.map((p) => participantView(session, scenario, p));
      },
    },
    coalesceMs,
  );

  /**
   * Runs `change` in one transaction holding the session's row lock, then bumps its version.
   * Every read inside goes through `tx`: on PGlite (one connection) a query through `db` would
   * wait for this very transaction, and on PostgreSQL it could wait for a pool slot held by it.
   */
  async function mutate<T>(
    sessionId: string,
    change: (tx: Transaction, session: SessionRow, sideIds: string[]) => Promise<T>,
  ): Promise<T> {
    return db.transaction(async (tx) => {
      const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for("update");
      if (!session) throw new LiveError("not_found", "This session does not exist.");
      const scenario = await scenarios.content(session.scenarioVersionId, tx);
      const result = await change(tx, session, scenario.sides.map((x) => x.id));
      await tx.update(sessions).set({ version: sql`${sessions.version} + 1` }).where(eq(sessions.id, sessionId));
      return result;
    });
  }

  function requireHost(session: SessionRow, teacherId: string) {
    if (session.teacherId !== teacherId) throw new LiveError("forbidden", "Only the teacher running this session can do that.");
  }
  function requireOpen(session: SessionRow) {
    if (session.status === "ended") throw new LiveError("closed", ENDED);
  }
  /** Unassigned students take the smallest side, one at a time, so sides stay even. */
  async function seatUnassigned(tx: Transaction, session: SessionRow, sideIds: string[]): Promise<string[]> {
    const seats = (await activeSeats(tx, session.id)).map((p) => ({ id: p.id, sideId: p.sideId }));
    const placed: string[] = [];
    for (const seat of seats) {
      if (seat.sideId) continue;
      seat.sideId = smallestSide(seats, sideIds) ?? null;
      await tx.update(participants).set({ sideId: seat.sideId }).where(eq(participants.id, seat.id));
      placed.push(seat.id);
    }
    return placed;
  }

  async function seatByToken(token: string): Promise<{ participant: ParticipantRow; session: SessionRow }> {
    const [row] = await db
      .select({ participant: participants, session: sessions })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(eq(participants.tokenHash, hashToken(token)));
    if (!row) throw new LiveError("not_found", "We could not find your seat. Join again with the session code.");
    return row;
  }

  async function sessionByCode(input: string) {
    const code = normalizeJoinCode(input);
    if (!code) throw new LiveError("invalid", "A join code has 6 letters and digits, like K7Q2MX.", "code");
    const [session] = await db.select().from(sessions).where(eq(sessions.code, code));
    if (!session) throw new LiveError("not_found", NO_SESSION, "code");
    return session;
  }

  async function hostViewOf(sessionId: string) {
    const { session, scenario, seats } = await roomState(sessionId);
    return hostView(session, scenario, seats, presence.isOnline);
  }

  async function projectorViewOf(sessionId: string) {
    const { session, scenario, seats } = await roomState(sessionId);
    return projectorView(session, scenario, seats);
  }

  async function participantViewOf(participantId: string) {
    const [row] = await db
      .select({ participant: participants, session: sessions })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(eq(participants.id, participantId));
    if (!row) throw new LiveError("not_found", "We could not find your seat.");
    return participantView(row.session, await scenarios.content(row.session.scenarioVersionId), row.participant);
  }

  return {
    presence,
    scenarios,

    /**
     * Starts the version the teacher previewed (`versionId`), or else the newest one they can see.
     * `rounds` adapts its round plan; without it the session runs the plan as written.
     */
    async createSession(
      teacherId: string,
      scenarioId: string,
      options: { capacity?: number; rounds?: RoundChoice[]; versionId?: number } = {},
    ) {
      const { capacity = CAPACITY.default } = options;
      const version = options.versionId ? await scenarios.visibleVersion(options.versionId, teacherId) : await scenarios.latest(scenarioId, teacherId);
      if (!version || version.scenarioId !== scenarioId) throw new LiveError("not_found", "That scenario does not exist.");
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > CAPACITY.max)
        throw new LiveError("invalid", `Class size must be between 1 and ${CAPACITY.max}.`, "capacity");
      const written = version.content.rounds;
      const plan = options.rounds ? adaptRoundPlan(written, options.rounds) : { ok: true as const, plan: written };
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

    async sessionsOf(teacherId: string) {
      return db.select().from(sessions).where(eq(sessions.teacherId, teacherId)).orderBy(desc(sessions.createdAt));
    },

    /** The session a teacher may run; anyone else gets not_found, so ids reveal nothing. */
    async hostedSession(teacherId: string, sessionId: string) {
      const session = await sessionById(sessionId);
      if (!session || session.teacherId !== teacherId) throw new LiveError("not_found", "This session does not exist.");
      return session;
    },

    sessionByCode,

    /**
     * `joinId` comes from the join form. The same form sent again (the first answer, with its
     * cookie, lost on the way) gets the same seat back under a fresh token instead of "name taken".
     */
    async joinSession(codeInput: string, nameInput: string, joinId?: string) {
      const found = await sessionByCode(codeInput);
      const name = checkDisplayName(nameInput);
      if (!name.ok) throw new LiveError("invalid", name.message, "name");
      const token = randomBytes(24).toString("base64url");
      const taken = () => new LiveError("name_taken", `Someone in this session is already called “${name.name}”. Add an initial or pick another name.`, "name");
      try {
        const participant = await mutate(found.id, async (tx, session, sideIds) => {
          if (session.status === "ended") throw new LiveError("closed", ENDED, "code");
          const seats = await activeSeats(tx, session.id);
          const repeat = joinId && seats.find((p) => p.joinId === joinId);
          if (repeat) {
            const [row] = await tx.update(participants).set({ tokenHash: hashToken(token) }).where(eq(participants.id, repeat.id)).returning();
            return row;
          }
          if (seats.length >= session.capacity) throw new LiveError("full", "This session is full. Ask your teacher to make room.", "code");
          if (seats.some((p) => p.nameKey === name.key)) throw taken();
          const sideId = session.sidesLocked ? (smallestSide(seats, sideIds) ?? null) : null;
          const [row] = await tx
            .insert(participants)
            .values({ sessionId: session.id, displayName: name.name, nameKey: name.key, sideId, tokenHash: hashToken(token), joinId })
            .returning();
          return row;
        });
        publisher.audiences(found.id);
        return { participant, token, session: found };
      } catch (error) {
        // Two students sending the same name at the same instant: the constraint decides.
        if (uniqueViolation(error)) throw taken();
        throw error;
      }
    },

    /** The seat a rejoin token stands for; a removed student learns so and keeps nothing. */
    seatByToken,

    async autoBalanceSides(teacherId: string, sessionId: string) {
      const moved = await mutate(sessionId, async (tx, session, sideIds) => {
        requireHost(session, teacherId);
        requireOpen(session);
        if (session.sidesLocked) throw new LiveError("closed", "Sides are locked. Unlock them to rebalance.");
        const seats = await activeSeats(tx, sessionId);
        const moves = autoBalance(seats, sideIds);
        for (const [participantId, sideId] of moves)
          await tx.update(participants).set({ sideId }).where(eq(participants.id, participantId));
        return [...moves.keys()];
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId, moved);
      return { moved: moved.length };
    },

    async moveParticipant(teacherId: string, sessionId: string, participantId: string, sideId: string | null) {
      await mutate(sessionId, async (tx, session, sideIds) => {
        requireHost(session, teacherId);
        requireOpen(session);
        if (sideId !== null && !sideIds.includes(sideId)) throw new LiveError("invalid", "That side is not part of this scenario.");
        if (sideId === null && session.sidesLocked) throw new LiveError("closed", "Sides are locked: every student needs a side.");
        const [row] = await tx
          .update(participants)
          .set({ sideId })
          .where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId), isNull(participants.removedAt)))
          .returning({ id: participants.id });
        if (!row) throw new LiveError("not_found", "That student is not in this session.");
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId, [participantId]);
    },

    async lockSides(teacherId: string, sessionId: string, locked: boolean) {
      const placed = await mutate(sessionId, async (tx, session, sideIds) => {
        requireHost(session, teacherId);
        requireOpen(session);
        await tx.update(sessions).set({ sidesLocked: locked }).where(eq(sessions.id, sessionId));
        return locked ? seatUnassigned(tx, session, sideIds) : [];
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId);
      return { placed: placed.length };
    },

    async removeParticipant(teacherId: string, sessionId: string, participantId: string) {
      await mutate(sessionId, async (tx, session) => {
        requireHost(session, teacherId);
        const [row] = await tx
          .update(participants)
          .set({ removedAt: new Date() })
          .where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId), isNull(participants.removedAt)))
          .returning({ id: participants.id });
        if (!row) throw new LiveError("not_found", "That student is not in this session.");
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId, [participantId]);
      io.in(rooms.participant(participantId)).disconnectSockets(true);
    },

    async endSession(teacherId: string, sessionId: string) {
      await mutate(sessionId, async (tx, session) => {
        requireHost(session, teacherId);
        requireOpen(session);
        await tx.update(sessions).set({ status: "ended", endedAt: new Date() }).where(eq(sessions.id, sessionId));
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId);
    },

    hostView: hostViewOf,
    projectorView: projectorViewOf,
    participantView: participantViewOf,

    /** Presence changed for a participant: the host's list shows who is online. */
    presenceChanged(sessionId: string) {
      publisher.audiences(sessionId);
    },

    async snapshot(data: SocketData): Promise<View> {
      if (data.role === "participant") return participantViewOf(data.participantId);
      return data.role === "host" ? hostViewOf(data.sessionId) : projectorViewOf(data.sessionId);
    },

    close() {
      publisher.close();
    },
  };
}

export type Live = ReturnType<typeof createLive>;
