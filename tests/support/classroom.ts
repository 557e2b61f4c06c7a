// A whole class for the polls and quiz tests: many students seated at once (a few joins in
// flight, as phones arrive), each with a socket of their own; and the rows their votes and
// answers left, which is what "stored" means.
import { asc, eq } from "drizzle-orm";
import pLimit from "p-limit";
import type { Database } from "../../db/client";
import { pollVotes, quizAnswers } from "../../db/schema";
import type { ServerToClientEvents } from "../../server/realtime/events";
import { connect, type ClientSocket } from "./clients";
import { must } from "./debate";
import type { TestServer } from "./server";

export type Student = { id: string; name: string; token: string; socket: ClientSocket };

/** "Student 001", "Student 002", …: names that sort as they were numbered. */
export const studentName = (i: number) => `Student ${String(i + 1).padStart(3, "0")}`;

/**
 * Joins `count` students (`concurrency` at a time), opens a socket for each with its seat token,
 * then locks the sides, which places every unassigned student on the smallest side.
 */
export async function seatClass(server: TestServer, host: ClientSocket, code: string, count: number, open: typeof connect = connect, concurrency = 16): Promise<Student[]> {
  const limit = pLimit(concurrency);
  const students = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      limit(async () => {
        const name = studentName(i);
        const { token, participant } = await server.rostrum.live.joinSession(code, name);
        return { id: participant.id, name, token, socket: await open(server.url, { role: "participant", token }) };
      }),
    ),
  );
  await must(host, "lobby:lockSides", { locked: true });
  return students;
}

/** Every event a socket receives from now on, in order, with its payload. */
export function everything(socket: ClientSocket) {
  const seen: { event: keyof ServerToClientEvents; payload: unknown }[] = [];
  socket.onAny((event: keyof ServerToClientEvents, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

export const voteRows = (db: Database, pollId: string) => db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId)).orderBy(asc(pollVotes.participantId));
export const answerRows = (db: Database, questionId: string) =>
  db.select().from(quizAnswers).where(eq(quizAnswers.questionId, questionId)).orderBy(asc(quizAnswers.participantId));

/** Votes per option, counted from stored rows (a multiple-choice vote counts for each option). */
export function countsOf(rows: { choices: number[] }[], options: number) {
  const counts = Array.from({ length: options }, () => 0);
  for (const row of rows) for (const c of row.choices) counts[c]++;
  return counts;
}
