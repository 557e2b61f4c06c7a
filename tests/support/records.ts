// A session with rows in every table that holds a class's records (seats, a request to rejoin,
// rounds, speeches, a crossfire question and answer, a ballot, a peer vote, a challenge, a poll
// and its votes, a quiz question and its answer), and those rows read back table by table: what
// "deleted" and "unchanged" are checked against.
import { randomUUID } from "node:crypto";
import { asc, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  ballots,
  challenges,
  debateArguments,
  participants,
  peerVotes,
  polls,
  pollVotes,
  quizAnswers,
  quizQuestions,
  rejoinRequests,
  rounds,
  sessions,
} from "../../db/schema";
import { connect, startSession, type ClientSocket } from "./clients";
import { must, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, speak, startRound, type Seat } from "./debate";
import type { TestServer } from "./server";

export type SessionWithRecords = Awaited<ReturnType<typeof sessionWithRecords>>;

/**
 * Runs a short class: an opening round (two speeches, revealed, one challenged, one scored, then
 * closed and voted on), a crossfire round left open with a question and its answer, the motion
 * poll left open with two votes, a quiz question left open with one answer, and a request to
 * rejoin. Rani (government) and Chan (opposition) speak; Ubon (State Department) judges.
 */
export async function sessionWithRecords(server: TestServer, cookie: string, open: typeof connect = connect) {
  const session = await startSession(server.url, cookie, "conditioned-engagement", 60, [
    { index: SCENARIO_ROUNDS.opening, seconds: 600 },
    { index: SCENARIO_ROUNDS.crossfire, seconds: 600 },
  ]);
  const host: ClientSocket = await open(server.url, { role: "host", sessionId: session.id }, cookie);
  const projector: ClientSocket = await open(server.url, { role: "projector", sessionId: session.id }, cookie);
  const seats = (await seatStudents(server, host, session.code, { [SIDES.rgc]: ["Rani"], [SIDES.cnrp]: ["Chan"], [SIDES.us]: ["Ubon"] }, open)) as Record<
    "Rani" | "Chan" | "Ubon",
    Seat
  >;
  const { Rani, Chan, Ubon } = seats;

  const opening = await startRound(host, 0);
  const ranisSpeech = await speak(Rani, opening.id, "Patience works.", ["vannarith-gradual"]);
  const chansSpeech = await speak(Chan, opening.id, "Prisoners matter.", ["rainsy-prisoners"]);
  if (!ranisSpeech.ok || !chansSpeech.ok) throw new Error("a speech was refused");
  await must(host, "round:reveal", { roundId: opening.id });
  const challenge = await must(Ubon.socket, "challenge:open", { argumentId: chansSpeech.data.id, cardId: "rainsy-prisoners", reason: "Wrong number." });
  await must(host, "ballot:submit", { argumentId: ranisSpeech.data.id, scores: rubricScores([4, 4, 3, 3]), comment: "Clear." });
  await must(host, "round:end", { roundId: opening.id });
  await must(Ubon.socket, "vote:cast", { roundId: opening.id, argumentId: ranisSpeech.data.id });

  const crossfire = await startRound(host, 1);
  const question = await must(Chan.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "Why jail them?", cardIds: [] });
  const answer = await must(Rani.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "The courts decided.", cardIds: [] });

  const { pollId } = await must(host, "poll:start", { scenarioPollId: "motion-before" });
  await must(Rani.socket, "poll:vote", { pollId, choices: [0] });
  await must(Chan.socket, "poll:vote", { pollId, choices: [1] });
  const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
  await must(Rani.socket, "quiz:answer", { questionId, choices: [0] });

  const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, session.id));
  const { request } = await server.rostrum.live.requestRejoin(row, "Chan");

  return {
    ...session,
    host,
    projector,
    seats,
    opening,
    crossfire,
    speeches: { rani: ranisSpeech.data, chan: chansSpeech.data },
    question,
    answer,
    challenge,
    pollId,
    questionId,
    requestId: request.id,
  };
}

/** Every row a session's records hold, table by table, in a stable order. */
export async function recordsOf(db: Database, sessionId: string) {
  const roundRows = await db.select().from(rounds).where(eq(rounds.sessionId, sessionId)).orderBy(asc(rounds.id));
  const argumentRows = await db.select().from(debateArguments).where(eq(debateArguments.sessionId, sessionId)).orderBy(asc(debateArguments.id));
  const pollRows = await db.select().from(polls).where(eq(polls.sessionId, sessionId)).orderBy(asc(polls.id));
  const questionRows = await db.select().from(quizQuestions).where(eq(quizQuestions.sessionId, sessionId)).orderBy(asc(quizQuestions.id));
  const within = <T>(ids: string[], read: (ids: string[]) => Promise<T[]>) => (ids.length ? read(ids) : Promise.resolve([] as T[]));
  return {
    sessions: await db.select().from(sessions).where(eq(sessions.id, sessionId)),
    participants: await db.select().from(participants).where(eq(participants.sessionId, sessionId)).orderBy(asc(participants.id)),
    rejoinRequests: await db.select().from(rejoinRequests).where(eq(rejoinRequests.sessionId, sessionId)).orderBy(asc(rejoinRequests.id)),
    rounds: roundRows,
    arguments: argumentRows,
    ballots: await within(argumentRows.map((a) => a.id), (ids) => db.select().from(ballots).where(inArray(ballots.argumentId, ids)).orderBy(asc(ballots.id))),
    peerVotes: await within(roundRows.map((r) => r.id), (ids) => db.select().from(peerVotes).where(inArray(peerVotes.roundId, ids)).orderBy(asc(peerVotes.id))),
    challenges: await db.select().from(challenges).where(eq(challenges.sessionId, sessionId)).orderBy(asc(challenges.id)),
    polls: pollRows,
    pollVotes: await within(pollRows.map((p) => p.id), (ids) =>
      db.select().from(pollVotes).where(inArray(pollVotes.pollId, ids)).orderBy(asc(pollVotes.pollId), asc(pollVotes.participantId)),
    ),
    quizQuestions: questionRows,
    quizAnswers: await within(questionRows.map((q) => q.id), (ids) =>
      db.select().from(quizAnswers).where(inArray(quizAnswers.questionId, ids)).orderBy(asc(quizAnswers.questionId), asc(quizAnswers.participantId)),
    ),
  };
}

export type Records = Awaited<ReturnType<typeof recordsOf>>;

/** How many rows each table holds of the records. */
export const countsOf = (records: Records) => Object.fromEntries(Object.entries(records).map(([table, rows]) => [table, rows.length])) as Record<keyof Records, number>;

/**
 * Every row still found, in every table, by the ids `records` held (the session's own, its
 * seats', rounds', arguments', polls' and questions'): after a deletion, all of them are empty.
 */
export async function rowsLeftOf(db: Database, records: Records) {
  const [session] = records.sessions;
  const ids = (rows: { id: string }[]) => (rows.length ? rows.map((r) => r.id) : [randomUUID()]);
  const seatIds = ids(records.participants);
  const roundIds = ids(records.rounds);
  const argumentIds = ids(records.arguments);
  const pollIds = ids(records.polls);
  const questionIds = ids(records.quizQuestions);
  return {
    sessions: await db.select().from(sessions).where(eq(sessions.id, session.id)),
    participants: await db.select().from(participants).where(or(eq(participants.sessionId, session.id), inArray(participants.id, seatIds))),
    rejoinRequests: await db
      .select()
      .from(rejoinRequests)
      .where(or(eq(rejoinRequests.sessionId, session.id), inArray(rejoinRequests.id, ids(records.rejoinRequests)), inArray(rejoinRequests.participantId, seatIds))),
    rounds: await db.select().from(rounds).where(or(eq(rounds.sessionId, session.id), inArray(rounds.id, roundIds))),
    arguments: await db
      .select()
      .from(debateArguments)
      .where(or(eq(debateArguments.sessionId, session.id), inArray(debateArguments.id, argumentIds), inArray(debateArguments.participantId, seatIds))),
    ballots: await db.select().from(ballots).where(or(inArray(ballots.id, ids(records.ballots)), inArray(ballots.argumentId, argumentIds))),
    peerVotes: await db
      .select()
      .from(peerVotes)
      .where(or(inArray(peerVotes.id, ids(records.peerVotes)), inArray(peerVotes.roundId, roundIds), inArray(peerVotes.voterId, seatIds))),
    challenges: await db
      .select()
      .from(challenges)
      .where(or(eq(challenges.sessionId, session.id), inArray(challenges.id, ids(records.challenges)), inArray(challenges.challengerId, seatIds))),
    polls: await db.select().from(polls).where(or(eq(polls.sessionId, session.id), inArray(polls.id, pollIds))),
    pollVotes: await db.select().from(pollVotes).where(or(inArray(pollVotes.pollId, pollIds), inArray(pollVotes.participantId, seatIds))),
    quizQuestions: await db.select().from(quizQuestions).where(or(eq(quizQuestions.sessionId, session.id), inArray(quizQuestions.id, questionIds))),
    quizAnswers: await db.select().from(quizAnswers).where(or(inArray(quizAnswers.questionId, questionIds), inArray(quizAnswers.participantId, seatIds))),
  };
}
