// Rejoin requests: a student whose device lost its seat's cookie (a new phone, a private tab)
// asks for their seat back under their name, and the teacher lets them back in or refuses.
// On approval the seat's token becomes the asking device's, in one transaction, and the old
// device's sockets are told and closed.
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";
import { participants, rejoinRequests, sessions, type SessionRow } from "../../../db/schema";
import { hashToken } from "../../hashToken";
import type { CommandRunner } from "../command";
import { LiveError } from "../errors";
import { requireHost } from "../guards";
import { normalizeJoinCode } from "./joinCode";
import { nameKey } from "./names";
import { isActiveSeat } from "./seats";
import type { SeatTokens } from "./seatTokens";

/**
 * Requests waiting at once in one session, so a script cannot flood the teacher's console.
 * Answered requests do not count: refusing a troll's request frees its place for a real student.
 */
export const PENDING_REJOIN_REQUESTS_PER_SESSION = 20;

export const SEAT_MOVED = "Your seat moved to another device with your teacher's approval.";

type Deps = { db: Database; commands: CommandRunner; tokens: SeatTokens };

/** The requests waiting for the teacher, oldest first. */
export const pendingRejoinRequests = (tx: Database | Transaction, sessionId: string) =>
  tx
    .select()
    .from(rejoinRequests)
    .where(and(eq(rejoinRequests.sessionId, sessionId), eq(rejoinRequests.status, "pending")))
    .orderBy(asc(rejoinRequests.createdAt), asc(rejoinRequests.id));

/** A removed student's requests go with them. */
export const refuseRejoinRequestsFor = (tx: Transaction, participantId: string) =>
  tx
    .update(rejoinRequests)
    .set({ status: "refused", resolvedAt: new Date() })
    .where(and(eq(rejoinRequests.participantId, participantId), eq(rejoinRequests.status, "pending")));

export function createRejoin({ db, commands: { runCommand }, tokens }: Deps) {
  async function pendingRequest(tx: Transaction, sessionId: string, requestId: string) {
    const [request] = await tx
      .select()
      .from(rejoinRequests)
      .where(and(eq(rejoinRequests.id, requestId), eq(rejoinRequests.sessionId, sessionId)));
    if (!request) throw new LiveError("not_found", "That request to rejoin does not exist.");
    if (request.status !== "pending") throw new LiveError("closed", "That request to rejoin was already answered.");
    return request;
  }

  return {
    /**
     * Asks for the active seat called `name`. The asking device's token comes from its join
     * form (`joinId`), so the same request sent twice is one request with one token.
     */
    async requestRejoin(session: SessionRow, name: string, joinId?: string) {
      const token = tokens.token("rejoin", session.id, joinId);
      const tokenHash = hashToken(token);
      const request = await runCommand(session.id, async ({ tx, out }) => {
        const [again] = await tx.select().from(rejoinRequests).where(eq(rejoinRequests.tokenHash, tokenHash));
        if (again) return again;
        const [seat] = await tx
          .select()
          .from(participants)
          .where(and(eq(participants.sessionId, session.id), eq(participants.nameKey, nameKey(name)), isActiveSeat));
        if (!seat) throw new LiveError("not_found", `No one in this session is called “${name.trim()}”. Check the spelling, or join with your name.`, "name");
        const [pending] = await tx
          .select({ id: rejoinRequests.id })
          .from(rejoinRequests)
          .where(and(eq(rejoinRequests.participantId, seat.id), eq(rejoinRequests.status, "pending")));
        if (pending)
          throw new LiveError("request_pending", `Someone already asked to rejoin as “${seat.displayName}”. Your teacher has to answer that first.`, "name");
        const [{ waiting }] = await tx
          .select({ waiting: count() })
          .from(rejoinRequests)
          .where(and(eq(rejoinRequests.sessionId, session.id), eq(rejoinRequests.status, "pending")));
        if (waiting >= PENDING_REJOIN_REQUESTS_PER_SESSION)
          throw new LiveError("rate_limited", "Too many requests to rejoin are waiting for the teacher. Please ask your teacher.");
        const [row] = await tx.insert(rejoinRequests).values({ sessionId: session.id, participantId: seat.id, tokenHash }).returning();
        out.views(session.id);
        return row;
      });
      return { request, token };
    },

    /**
     * The newest request one of a browser's tokens made in the session with join code
     * `codeInput`, with that session. Answers nothing about a session the tokens never asked in,
     * so a waiting device is found without a code guess being counted.
     */
    async rejoinInSession(codeInput: string, tokens: readonly string[]) {
      const code = normalizeJoinCode(codeInput);
      if (!code || tokens.length === 0) return undefined;
      const [row] = await db
        .select({ status: rejoinRequests.status, name: participants.displayName, session: sessions })
        .from(rejoinRequests)
        .innerJoin(participants, eq(participants.id, rejoinRequests.participantId))
        .innerJoin(sessions, eq(sessions.id, rejoinRequests.sessionId))
        .where(and(eq(sessions.code, code), inArray(rejoinRequests.tokenHash, tokens.map(hashToken))))
        .orderBy(desc(rejoinRequests.createdAt))
        .limit(1);
      return row;
    },

    async approveRejoin(teacherId: string, sessionId: string, requestId: string) {
      await runCommand(sessionId, async ({ tx, session, out }) => {
        requireHost(session, teacherId);
        const request = await pendingRequest(tx, sessionId, requestId);
        const [seat] = await tx
          .update(participants)
          .set({ tokenHash: request.tokenHash })
          .where(and(eq(participants.id, request.participantId), isActiveSeat))
          .returning({ id: participants.id });
        if (!seat) throw new LiveError("not_found", "That student is no longer in this session.");
        await tx.update(rejoinRequests).set({ status: "approved", resolvedAt: new Date() }).where(eq(rejoinRequests.id, request.id));
        out.views(sessionId);
        // Only the old device is connected now: the new one opens its socket after its next look
        // at the waiting page, which finds the seat.
        out.evict(seat.id, SEAT_MOVED);
      });
    },

    async refuseRejoin(teacherId: string, sessionId: string, requestId: string) {
      await runCommand(sessionId, async ({ tx, session, out }) => {
        requireHost(session, teacherId);
        const request = await pendingRequest(tx, sessionId, requestId);
        await tx.update(rejoinRequests).set({ status: "refused", resolvedAt: new Date() }).where(eq(rejoinRequests.id, request.id));
        out.views(sessionId);
      });
    },
  };
}
