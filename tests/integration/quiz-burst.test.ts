// A whole class at once on the hot path: 200 students on real sockets answer one quiz question
// in the same second, then vote in one poll. Every write is acknowledged `ok`, exactly one row
// per student is stored, and what everyone is shown ("N of M", the bars, each student's points
// and rank, the top five) is what the rows say. Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, ParticipantView, QuizResult } from "../../server/live/views/types";
import { answerRows, countsOf, seatClass, voteRows, type Student } from "../support/classroom";
import { nextEvent, send, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { must, received, snapshotOf } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const CLASS = 200;

describe.each(backends)("a class of 200 on %s", (backend) => {
  let server: TestServer;
  let host: ClientSocket;
  let students: Student[];
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    const teacher = await signUpTeacher(server.url, "Ms Burst");
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 300);
    host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    students = await seatClass(server, host, session.code, CLASS, open);
  }, 60_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("stores and acknowledges 200 answers sent in the same second; progress, results and the top five match the rows", { timeout: 60_000 }, async () => {
    const progress = received(host, "quiz:progress");
    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    const asked = await snapshotOf<HostView>(host);
    const right = (asked.quiz.question!.key!.correct as { choices: number[] }).choices[0];
    // Every third student is wrong; the rest are right, faster or slower as they arrive.
    const choiceOf = (i: number) => (i % 3 === 0 ? (right + 1) % 4 : right);

    const acks = await Promise.all(students.map((s, i) => send(s.socket, "quiz:answer", { questionId, choices: [choiceOf(i)] })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(acks).toHaveLength(CLASS);

    const rows = await answerRows(server.database.db, questionId);
    expect(rows).toHaveLength(CLASS);
    expect(new Set(rows.map((r) => r.participantId))).toEqual(new Set(students.map((s) => s.id)));
    // The server received them all within one second of each other.
    const elapsed = rows.map((r) => r.elapsedMs);
    expect(Math.max(...elapsed) - Math.min(...elapsed)).toBeLessThan(1000);
    const chose = new Map(students.map((s, i) => [s.id, choiceOf(i)]));
    for (const row of rows) expect(row.answer).toEqual({ choices: [chose.get(row.participantId)] });

    // "200 of 200 have answered", in a few coalesced broadcasts (never one per answer), seq rising.
    await expect.poll(() => progress.at(-1)?.answered, { timeout: 5000 }).toBe(CLASS);
    expect(progress.at(-1)).toMatchObject({ questionId, answered: CLASS, of: CLASS });
    expect(progress.length).toBeLessThan(20);
    expect(progress.map((p) => p.seq)).toEqual([...progress.map((p) => p.seq)].sort((a, b) => a - b));
    const student = await snapshotOf<ParticipantView>(students[7].socket);
    expect(student.quiz.progress).toMatchObject({ answered: CLASS, of: CLASS });
    expect(student.myQuiz.answer).toEqual({ questionId, value: { choices: [choiceOf(7)] } });

    const results = new Map<string, QuizResult[]>(students.map((s) => [s.id, received(s.socket, "quiz:result")]));
    const closed = nextEvent(host, "quiz:changed", (c) => c.quiz.question?.status === "closed");
    await must(host, "quiz:close", { questionId });
    const board = (await closed).quiz;

    const scored = await answerRows(server.database.db, questionId);
    const pointsOf = new Map(scored.map((r) => [r.participantId, r.points!]));
    expect(scored.every((r) => r.points !== null && r.streak !== null)).toBe(true);
    const rankOf = (points: number) => 1 + scored.filter((r) => r.points! > points).length;
    // Each student is told what their row says: right or wrong, points, streak, total, rank.
    await expect.poll(() => [...results.values()].filter((r) => r.length > 0).length, { timeout: 10_000 }).toBe(CLASS);
    for (const row of scored) {
      const [result] = results.get(row.participantId)!;
      expect(result).toEqual({
        questionId,
        answered: true,
        correct: row.credit === 1,
        credit: row.credit,
        points: row.points,
        streak: row.streak,
        total: row.points,
        rank: rankOf(row.points!),
      });
      expect(row.credit).toBe(chose.get(row.participantId) === right ? 1 : 0);
    }
    expect(scored.filter((r) => r.credit === 1 && r.points! >= 500)).toHaveLength(scored.filter((r) => r.credit === 1).length);
    expect(scored.filter((r) => r.credit === 0).every((r) => r.points === 0)).toBe(true);

    // The top five are the five highest rows.
    const highest = scored.map((r) => r.points!).sort((a, b) => b - a);
    expect(board.leaderboard.map((e) => e.points)).toEqual(highest.slice(0, 5));
    for (const entry of board.leaderboard) {
      expect(entry.points).toBe(pointsOf.get(entry.participantId));
      expect(entry.rank).toBe(rankOf(entry.points));
    }
    // The bars count the rows.
    const bars = board.question!.distribution!;
    expect(bars.map((b) => b.count)).toEqual(countsOf(rows.map((r) => r.answer as { choices: number[] }), 4));
    expect(bars.map((b) => b.correct)).toEqual([0, 1, 2, 3].map((i) => i === right));
    // A late answer after the close is refused, and stores nothing.
    const late = await send(students[0].socket, "quiz:answer", { questionId, choices: [right] });
    expect(late.ok ? null : late.error.code).toBe("closed");
    expect(await answerRows(server.database.db, questionId)).toHaveLength(CLASS);
  });

  it("stores and acknowledges 200 votes sent at once; the live count equals the rows", { timeout: 60_000 }, async () => {
    const hostTallies = received(host, "poll:tally");
    const studentTallies = received(students[42].socket, "poll:tally");
    const { pollId } = await must(host, "poll:start", { scenarioPollId: "best-approach" });
    const options = (await snapshotOf<HostView>(host)).polls.current!.options.length;
    expect(options).toBeGreaterThan(2);
    const voteOf = (i: number) => (i * 7) % options;

    const acks = await Promise.all(students.map((s, i) => send(s.socket, "poll:vote", { pollId, choices: [voteOf(i)] })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const rows = await voteRows(server.database.db, pollId);
    expect(rows).toHaveLength(CLASS);
    const expected = countsOf(rows, options);
    expect(expected).toEqual(countsOf(students.map((_, i) => ({ choices: [voteOf(i)] })), options));

    // A live poll: the teacher and the class see the same counts, "200 of 200", a few broadcasts.
    await expect.poll(() => hostTallies.at(-1)?.voted, { timeout: 5000 }).toBe(CLASS);
    await expect.poll(() => studentTallies.at(-1)?.voted, { timeout: 5000 }).toBe(CLASS);
    expect(hostTallies.at(-1)).toMatchObject({ pollId, voted: CLASS, of: CLASS, counts: expected });
    expect(studentTallies.at(-1)).toMatchObject({ pollId, voted: CLASS, of: CLASS, counts: expected });
    expect(hostTallies.length).toBeLessThan(20);
    expect(hostTallies.map((t) => t.seq)).toEqual([...hostTallies.map((t) => t.seq)].sort((a, b) => a - b));

    await must(host, "poll:close", { pollId });
    const final = await snapshotOf<HostView>(host);
    expect(final.polls.current).toMatchObject({ id: pollId, status: "closed", tally: { voted: CLASS, of: CLASS, counts: expected } });
    const voters = await must(host, "poll:voters", { pollId });
    expect(voters.voters).toHaveLength(CLASS);
  });
});
