// Seats: students joining by code, finding their seat again by token, and the teacher arranging
// sides, renaming and removing students.
import { and, eq, exists, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { uniqueViolation } from "../../../db/client";
import { participants, sessions, teachers, type ParticipantRow, type SessionRow } from "../../../db/schema";
import { hashToken } from "../../hashToken";
import type { CommandContext, CommandRunner } from "../command";
import { LiveError } from "../errors";
import { REMOVED, requireHost, requireOpen } from "../guards";
import { normalizeJoinCode } from "./joinCode";
import { checkDisplayName } from "./names";
import { refuseRejoinRequestsFor, SEAT_MOVED } from "./rejoin";
import { activeSeats, isActive, isActiveSeat, seatColumns, seatsPerSide } from "./seats";
import { noSessionWithCode, requireJoinCode, type Sessions } from "./sessions";
import type { SeatTokens } from "./seatTokens";
import { autoBalance, countBySide, isUnassigned, seatTotal, smallestSide } from "./sides";

const nameTaken = (name: string) =>
  new LiveError("name_taken", `Someone in this session is already called “${name}”. Add an initial or pick another name.`, "name");
const notInSession = () => new LiveError("not_found", "That student is not in this session.");

type Deps = {
  db: Database;
  commands: CommandRunner;
  sessions: Sessions;
  tokens: SeatTokens;
  /** A removal's command: a student's votes and answers leave the counts every audience sees. */
  seatRemoved(ctx: CommandContext, participantId: string): void;
};

export function createSeating({ db, commands: { runCommand }, sessions: found, tokens, seatRemoved }: Deps) {
  /**
   * A join's first read, in one statement: the session with join code `code`, its teacher's name,
   * and whether an active seat already holds the name with key `nameKey` (the same form sent
   * again is not counted: it finds its own seat under the lock).
   */
  async function sessionToJoin(code: string, nameKey: string | undefined, joinId: string | undefined) {
    const holder = (key: string) =>
      db
        .select({ id: participants.id })
        .from(participants)
        .where(
          and(
            eq(participants.sessionId, sessions.id),
            eq(participants.nameKey, key),
            isActiveSeat,
            joinId ? or(isNull(participants.joinId), ne(participants.joinId, joinId)) : undefined,
          ),
        );
    const [row] = await db
      .select({ session: sessions, teacherName: teachers.name, nameHeld: (nameKey === undefined ? sql`false` : exists(holder(nameKey))).mapWith(Boolean) })
      .from(sessions)
      .innerJoin(teachers, eq(teachers.id, sessions.teacherId))
      .where(eq(sessions.code, code));
    if (!row) throw noSessionWithCode();
    return row;
  }

  return {
    /**
     * `joinId` comes from the join form. The same form sent again (the first answer, with its
     * cookie, lost on the way) gets the same seat and the same token back, so the cookie of
     * whichever answer the browser kept opens the seat.
     */
    async joinSession(codeInput: string, nameInput: string, joinId?: string) {
      // The teacher's name, which students may not take, comes with the session; the name's key does not depend on it.
      const early = checkDisplayName(nameInput);
      const { session, teacherName, nameHeld } = await sessionToJoin(requireJoinCode(codeInput), early.ok ? early.key : undefined, joinId);
      const name = checkDisplayName(nameInput, [teacherName]);
      if (!name.ok) throw new LiveError("invalid", name.message, "name");
      // Refusals that need no lock are answered from that plain read first, so a flood of joins under
      // a taken name queues no commands behind the session's lock; the locked checks still decide.
      requireOpen(session);
      if (nameHeld) throw nameTaken(name.name);
      const token = tokens.token("join", session.id, joinId);
      const tokenHash = hashToken(token);
      try {
        const participant = await runCommand(session.id, async ({ tx, session, sideIds, out }) => {
          // Counts, not seats: a join's cost does not grow with the class.
          const perSide = await seatsPerSide(tx, session.id);
          const full = seatTotal(perSide) >= session.capacity;
          if (!full) {
            // A name taken since the plain read is refused by its constraint (caught below); a form
            // sent before takes no second seat.
            const sideId = session.sidesLocked ? (smallestSide(perSide, sideIds) ?? null) : null;
            const [row] = await tx
              .insert(participants)
              .values({ sessionId: session.id, displayName: name.name, nameKey: name.key, sideId, tokenHash, joinId })
              .onConflictDoNothing({ target: [participants.sessionId, participants.joinId], where: isNotNull(participants.joinId) })
              .returning();
            if (row) {
              out.views(session.id);
              return row;
            }
          }
          // No new seat: this form was sent before (its seat answers, even in a full session), or the session is full.
          const [repeat] = joinId
            ? await tx.select().from(participants).where(and(eq(participants.sessionId, session.id), eq(participants.joinId, joinId)))
            : [];
          if (repeat && !isActive(repeat)) throw new LiveError("forbidden", REMOVED);
          if (repeat?.tokenHash === tokenHash) return repeat;
          if (repeat) throw new LiveError("forbidden", SEAT_MOVED);
          throw new LiveError("full", "This session is full. Ask your teacher to make room.", "code");
        });
        return { participant, token, session };
      } catch (error) {
        // Under the session lock, the constraint is what decides the name.
        if (uniqueViolation(error) === "participants_session_name") throw nameTaken(name.name);
        throw error;
      }
    },

    /** A seat as it is now: a socket reads it once it is in its student's room, so no later move or removal can miss it. */
    async seatNow(participantId: string) {
      const [seat] = await db.select(seatColumns).from(participants).where(eq(participants.id, participantId));
      return seat;
    },

    /** The seat a rejoin token stands for; a removed student learns so and keeps nothing. */
    async seatByToken(token: string): Promise<{ participant: ParticipantRow; session: SessionRow }> {
      const [row] = await db
        .select({ participant: participants, session: sessions })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .where(eq(participants.tokenHash, hashToken(token)));
      if (!row) throw new LiveError("not_found", "We could not find your seat. Join again with the session code.");
      return row;
    },

    /**
     * The seat one of a browser's tokens holds in the session with join code `codeInput`, removed
     * or not. Answers nothing about a session the tokens have no seat in, so a seated student is
     * found without a code guess being counted.
     */
    async seatInSession(codeInput: string, tokenList: readonly string[]) {
      const code = normalizeJoinCode(codeInput);
      if (!code || tokenList.length === 0) return undefined;
      const [row] = await db
        .select({ participant: participants, session: sessions })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .where(and(eq(sessions.code, code), inArray(participants.tokenHash, tokenList.map(hashToken))));
      return row;
    },

    async autoBalanceSides(teacherId: string, sessionId: string) {
      const moved = await runCommand(sessionId, async ({ tx, session, sideIds, out }) => {
        requireHost(session, teacherId);
        if (session.sidesLocked) throw new LiveError("closed", "Sides are locked. Unlock them to rebalance.");
        const moves = autoBalance(await activeSeats(tx, sessionId), sideIds);
        for (const [participantId, sideId] of moves) await tx.update(participants).set({ sideId }).where(eq(participants.id, participantId));
        out.views(sessionId);
        out.participants(sessionId, [...moves.keys()]);
        return moves.size;
      });
      return { moved };
    },

    async moveParticipant(teacherId: string, sessionId: string, participantId: string, sideId: string | null) {
      await runCommand(sessionId, async ({ tx, session, sideIds, out }) => {
        requireHost(session, teacherId);
        if (sideId !== null && !sideIds.includes(sideId)) throw new LiveError("invalid", "That side is not part of this scenario.");
        if (sideId === null && session.sidesLocked) throw new LiveError("closed", "Sides are locked: every student needs a side.");
        const [row] = await tx
          .update(participants)
          .set({ sideId })
          .where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId), isActiveSeat))
          .returning({ id: participants.id });
        if (!row) throw notInSession();
        out.views(sessionId);
        out.participants(sessionId, [participantId]);
      });
    },

    /** Locking seats every unassigned student on the smallest side, one at a time, so sides stay even. */
    async lockSides(teacherId: string, sessionId: string, locked: boolean) {
      const placed = await runCommand(sessionId, async ({ tx, session, sideIds, out }) => {
        requireHost(session, teacherId);
        await tx.update(sessions).set({ sidesLocked: locked }).where(eq(sessions.id, sessionId));
        const seats = locked ? await activeSeats(tx, sessionId) : [];
        const perSide = countBySide(seats);
        const placed: string[] = [];
        for (const seat of seats) {
          if (!isUnassigned(seat, sideIds)) continue;
          const sideId = smallestSide(perSide, sideIds) ?? null;
          perSide.set(sideId, (perSide.get(sideId) ?? 0) + 1);
          await tx.update(participants).set({ sideId }).where(eq(participants.id, seat.id));
          placed.push(seat.id);
        }
        out.views(sessionId);
        out.participants(sessionId);
        return placed.length;
      });
      return { placed };
    },

    /** The teacher renames a student, under the same rules as joining; everyone sees it live. */
    async renameParticipant(teacherId: string, sessionId: string, participantId: string, nameInput: string) {
      // Read before the lock: on PGlite a read through `db` inside the transaction would wait for it.
      const teacherName = await found.teacherName(teacherId);
      const name = await runCommand(sessionId, async ({ tx, session, out }) => {
        requireHost(session, teacherId);
        const name = checkDisplayName(nameInput, [teacherName]);
        if (!name.ok) throw new LiveError("invalid", name.message, "name");
        const seats = await activeSeats(tx, sessionId);
        if (!seats.some((p) => p.id === participantId)) throw notInSession();
        if (seats.some((p) => p.id !== participantId && p.nameKey === name.key)) throw nameTaken(name.name);
        await tx.update(participants).set({ displayName: name.name, nameKey: name.key }).where(eq(participants.id, participantId));
        out.views(sessionId);
        out.participants(sessionId, [participantId]);
        // The scoreboard lists students by name.
        out.scores(sessionId);
        return name.name;
      });
      return { name };
    },

    async removeParticipant(teacherId: string, sessionId: string, participantId: string) {
      // Quiesced: a vote or answer of theirs already in a batch is stored first, so it cannot
      // come back into the counts after they leave them.
      await runCommand(sessionId, async (ctx) => {
        const { tx, session, out } = ctx;
        requireHost(session, teacherId);
        const [row] = await tx
          .update(participants)
          .set({ removedAt: new Date() })
          .where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId), isActiveSeat))
          .returning({ id: participants.id });
        if (!row) throw notInSession();
        await refuseRejoinRequestsFor(tx, participantId);
        // First, so the views that follow count without them.
        seatRemoved(ctx, participantId);
        out.views(sessionId);
        out.participants(sessionId, [participantId]);
        // A removed student leaves the individual standings (their side keeps their points).
        out.scores(sessionId);
        out.evict(participantId, REMOVED);
      }, { quiesce: true });
    },
  };
}
