// A live debate for integration tests: students seated on named sides, commands that must
// succeed, a ballot from four rubric scores, everything an audience was sent, and every debate
// row of a session (what "nothing changed" means after a refusal).
import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { ballots, challenges, debateArguments, peerVotes, rounds, sessions } from "../../db/schema";
import type { Ack } from "../../server/live/errors";
import type { View } from "../../server/live/views/types";
import type { ClientEvent, Payload, Results, ServerToClientEvents } from "../../server/realtime/events";
import { connect, send, type ClientSocket } from "./clients";
import type { TestServer } from "./server";

/** conditioned-engagement's four sides. */
/** conditioned-engagement's sides, in the order its speaking rounds call them (for and against alternate). */
export const SIDES = { rgc: "rgc-cpp", cnrp: "cnrp", commentators: "engagement-commentators", us: "us-state-department" } as const;
/** Scenario round indexes of conditioned-engagement's debate rounds. */
export const SCENARIO_ROUNDS = { opening: 2, rebuttal: 3, crossfire: 4, closing: 6 } as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends an event, and again while the per-person limit refuses it (10 events a second, 5
 * snapshots per 10 s): a refused event changes nothing, and real clients retry the same way.
 */
export async function ask<E extends ClientEvent>(socket: ClientSocket, event: E, payload: Payload<E>): Promise<Ack<Results[E]>> {
  for (let attempt = 0; ; attempt++) {
    const answer = await send(socket, event, payload);
    if (answer.ok || answer.error.code !== "rate_limited" || attempt >= 30) return answer;
    await sleep(event === "session:snapshot" ? 1000 : 250);
  }
}

/** The data of an ack that must succeed; a refusal fails the test with its code and message. */
export async function must<E extends ClientEvent>(socket: ClientSocket, event: E, payload: Payload<E>): Promise<Results[E]> {
  const answer = await ask(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

export const snapshotOf = async <V extends View>(socket: ClientSocket) => (await must(socket, "session:snapshot", {})) as V;

export type Seat = { id: string; name: string; sideId: string; token: string; socket: ClientSocket };

/**
 * Joins each named student, moves them to their side and locks the sides. Sockets are opened
 * with `open` (tests pass socketsToClose().open so they are closed at the end).
 */
export async function seatStudents(
  server: TestServer,
  host: ClientSocket,
  code: string,
  bySide: Record<string, string[]>,
  open: typeof connect = connect,
): Promise<Record<string, Seat>> {
  const seats: Record<string, Seat> = {};
  for (const [sideId, names] of Object.entries(bySide))
    for (const name of names) {
      const { token, participant } = await server.rostrum.live.joinSession(code, name);
      await must(host, "lobby:moveParticipant", { participantId: participant.id, sideId });
      seats[name] = { id: participant.id, name, sideId, token, socket: await open(server.url, { role: "participant", token }) };
    }
  await must(host, "lobby:lockSides", { locked: true });
  return seats;
}

/** A speech (or an edit of it, with a fresh client id as a phone sends each press of "Submit"). */
export const speak = (seat: Seat, roundId: string, body: string, cardIds: string[] = []) =>
  ask(seat.socket, "argument:submit", { roundId, clientId: randomUUID(), body, cardIds });

/** The default rubric's four criteria, in order: argument (weight 3), evidence (3), rebuttal (2), delivery (2). */
export const rubricScores = ([argument, evidence, rebuttal, delivery]: [number, number, number, number]) => ({ argument, evidence, rebuttal, delivery });

/** The round a plan index started, from the host's view. */
export async function startRound(host: ClientSocket, index: number) {
  await must(host, "round:start", { index });
  const view = await snapshotOf(host);
  const round = view.debate.round;
  if (!round || round.index !== index) throw new Error(`round ${index} is not the host's current round`);
  return round;
}

/** Every `event` a socket receives from now on, in order. */
export function received<K extends keyof ServerToClientEvents>(socket: ClientSocket, event: K) {
  const seen: Parameters<ServerToClientEvents[K]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[K]>[0]) => seen.push(payload)) as never);
  return seen;
}

/** Every debate row of a session, in a stable order: equal before and after a refusal means nothing changed. */
export async function debateRows(db: Database, sessionId: string) {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  const roundRows = await db.select().from(rounds).where(eq(rounds.sessionId, sessionId)).orderBy(asc(rounds.planIndex));
  const argumentRows = await db
    .select()
    .from(debateArguments)
    .where(eq(debateArguments.sessionId, sessionId))
    .orderBy(asc(debateArguments.createdAt), asc(debateArguments.id));
  const argumentIds = argumentRows.map((a) => a.id);
  const roundIds = roundRows.map((r) => r.id);
  return {
    session,
    rounds: roundRows,
    arguments: argumentRows,
    ballots: argumentIds.length ? await db.select().from(ballots).where(inArray(ballots.argumentId, argumentIds)).orderBy(asc(ballots.id)) : [],
    votes: roundIds.length ? await db.select().from(peerVotes).where(inArray(peerVotes.roundId, roundIds)).orderBy(asc(peerVotes.id)) : [],
    challenges: await db.select().from(challenges).where(eq(challenges.sessionId, sessionId)).orderBy(asc(challenges.id)),
  };
}
