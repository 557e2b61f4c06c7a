// The session engine. Every change to a live session is a command here: the caller has parsed
// the input; the command authorizes, runs one transaction that locks the session row (so
// commands on one session apply in order), bumps the session's version, then publishes views.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { uniqueViolation } from "../../db/client";
import { participants, sessions, teachers, type ParticipantRow, type SessionRow } from "../../db/schema";
import type { SocketData } from "../realtime/events";
import { rooms } from "../realtime/rooms";
import { CAPACITY } from "../limits";
import { LiveError } from "./errors";
import { REMOVED, requireHost, requireOpen } from "./guards";
import { generateJoinCode, normalizeJoinCode } from "./joinCode";
import { checkDisplayName } from "./names";
import { createPresence } from "./presence";
import { closeRoom, createPublisher, type LiveServer } from "./publisher";
import { createRejoin, pendingRejoinRequests, refuseRejoinRequestsFor, SEAT_MOVED } from "./rejoin";
import type { ScenarioLibrary } from "./scenarios";
import { adaptRoundPlan, type RoundChoice } from "./roundPlan";
import { hashToken } from "../hashToken";
import { createSeatTokens } from "./seatTokens";
import { autoBalance, smallestSide } from "./sides";
import { hostView, participantView, projectorView, type View } from "./views";

const NO_SESSION = "There is no session with that code. Check the code on the board and try again.";
const nameTaken = (name: string) =>
  new LiveError("name_taken", `Someone in this session is already called “${name}”. Add an initial or pick another name.`, "name");

export type LiveOptions = {
  db: Database;
  io: LiveServer;
  scenarios: ScenarioLibrary;
  /** The server's secret: join forms' rejoin tokens are derived from it. */
  secret: string;
  coalesceMs?: number;
};

export function createLive({ db, io, scenarios, secret, coalesceMs = 100 }: LiveOptions) {
  const presence = createPresence();
  const tokens = createSeatTokens(secret);

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
    const [scenario, seats, requests] = await Promise.all([
      scenarios.content(session.scenarioVersionId),
      seatsOf(db, sessionId),
      pendingRejoinRequests(db, sessionId),
    ]);
    return { session, scenario, seats, requests };
  }

  const publisher = createPublisher(
    io,
    {
      async hostAndProjector(sessionId) {
        const { session, scenario, seats, requests } = await roomState(sessionId);
        return { host: hostView(session, scenario, seats, presence.isOnline, requests), projector: projectorView(session, scenario, seats) };
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
   * An ended session refuses every command here, so no command can forget to check.
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
      requireOpen(session);
      const scenario = await scenarios.content(session.scenarioVersionId, tx);
      const result = await change(tx, session, scenario.sides.map((x) => x.id));
      await tx.update(sessions).set({ version: sql`${sessions.version} + 1` }).where(eq(sessions.id, sessionId));
      return result;
    });
  }

  /** The teacher's own name, which their students may not take. */
  async function teacherName(tx: Database | Transaction, teacherId: string) {
    const [row] = await tx.select({ name: teachers.name }).from(teachers).where(eq(teachers.id, teacherId));
    return row?.name ?? "";
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
    const { session, scenario, seats, requests } = await roomState(sessionId);
    return hostView(session, scenario, seats, presence.isOnline, requests);
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

  const rejoin = createRejoin({ db, io, publisher, tokens, mutate });

  return {
    presence,
    scenarios,
    ...rejoin,

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
     * cookie, lost on the way) gets the same seat and the same token back, so the cookie of
     * whichever answer the browser kept opens the seat.
     */
    async joinSession(codeInput: string, nameInput: string, joinId?: string) {
      const found = await sessionByCode(codeInput);
      const name = checkDisplayName(nameInput, [await teacherName(db, found.teacherId)]);
      if (!name.ok) throw new LiveError("invalid", name.message, "name");
      // Refusals that need no lock are answered from a plain read first, so a flood of joins under
      // a taken name queues no commands behind the session's lock; the locked checks still decide.
      requireOpen(found);
      const [holder] = await db
        .select({ id: participants.id })
        .from(participants)
        .where(
          and(
            eq(participants.sessionId, found.id),
            eq(participants.nameKey, name.key),
            isNull(participants.removedAt),
            // The same form sent again finds its own seat under the lock.
            joinId ? or(isNull(participants.joinId), ne(participants.joinId, joinId)) : undefined,
          ),
        )
        .limit(1);
      if (holder) throw nameTaken(name.name);
      const token = tokens.token("join", found.id, joinId);
      const tokenHash = hashToken(token);
      let participant;
      try {
        participant = await mutate(found.id, async (tx, session, sideIds) => {
          if (joinId) {
            const [repeat] = await tx
              .select()
              .from(participants)
              .where(and(eq(participants.sessionId, session.id), eq(participants.joinId, joinId)));
            if (repeat?.removedAt) throw new LiveError("forbidden", REMOVED);
            if (repeat?.tokenHash === tokenHash) return repeat;
            if (repeat) throw new LiveError("forbidden", SEAT_MOVED);
          }
          const seats = await activeSeats(tx, session.id);
          if (seats.length >= session.capacity) throw new LiveError("full", "This session is full. Ask your teacher to make room.", "code");
          if (seats.some((p) => p.nameKey === name.key)) throw nameTaken(name.name);
          const sideId = session.sidesLocked ? (smallestSide(seats, sideIds) ?? null) : null;
          const [row] = await tx
            .insert(participants)
            .values({ sessionId: session.id, displayName: name.name, nameKey: name.key, sideId, tokenHash, joinId })
            .returning();
          return row;
        });
      } catch (error) {
        // The checks above run under the session lock; the constraint is the backstop for the name.
        if (uniqueViolation(error) === "participants_session_name") throw nameTaken(name.name);
        throw error;
      }
      publisher.audiences(found.id);
      return { participant, token, session: found };
    },

    /** The seat a rejoin token stands for; a removed student learns so and keeps nothing. */
    seatByToken,

    /**
     * The seat one of a browser's tokens holds in the session with join code `codeInput`, removed
     * or not. Answers nothing about a session the tokens have no seat in, so a seated student is
     * found without a code guess being counted.
     */
    async seatInSession(codeInput: string, tokens: readonly string[]) {
      const code = normalizeJoinCode(codeInput);
      if (!code || tokens.length === 0) return undefined;
      const [row] = await db
        .select({ participant: participants, session: sessions })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .where(and(eq(sessions.code, code), inArray(participants.tokenHash, tokens.map(hashToken))));
      return row;
    },

    async autoBalanceSides(teacherId: string, sessionId: string) {
      const moved = await mutate(sessionId, async (tx, session, sideIds) => {
        requireHost(session, teacherId);
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
        await tx.update(sessions).set({ sidesLocked: locked }).where(eq(sessions.id, sessionId));
        return locked ? seatUnassigned(tx, session, sideIds) : [];
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId);
      return { placed: placed.length };
    },

    /** The teacher renames a student, under the same rules as joining; everyone sees it live. */
    async renameParticipant(teacherId: string, sessionId: string, participantId: string, nameInput: string) {
      const name = await mutate(sessionId, async (tx, session) => {
        requireHost(session, teacherId);
        const name = checkDisplayName(nameInput, [await teacherName(tx, session.teacherId)]);
        if (!name.ok) throw new LiveError("invalid", name.message, "name");
        const seats = await activeSeats(tx, sessionId);
        if (!seats.some((p) => p.id === participantId)) throw new LiveError("not_found", "That student is not in this session.");
        if (seats.some((p) => p.id !== participantId && p.nameKey === name.key)) throw nameTaken(name.name);
        await tx.update(participants).set({ displayName: name.name, nameKey: name.key }).where(eq(participants.id, participantId));
        return name.name;
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId, [participantId]);
      return { name };
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
        await refuseRejoinRequestsFor(tx, participantId);
      });
      publisher.audiences(sessionId);
      await publisher.participants(sessionId, [participantId]);
      closeRoom(io, rooms.participant(participantId), REMOVED);
    },

    async endSession(teacherId: string, sessionId: string) {
      await mutate(sessionId, async (tx, session) => {
        requireHost(session, teacherId);
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
