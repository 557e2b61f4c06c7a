// Polls over real sockets: a student's vote is acknowledged once stored, a changed vote replaces
// the old one, the count reaches the teacher at once and the class only once revealed, a closed
// poll refuses votes, and the teacher sees who voted what unless the poll is anonymous.
// Runs on PGlite, and on PostgreSQL when configured.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollVotes } from "../../db/schema";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { nextEvent, send, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, seatStudents, SIDES, snapshotOf } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("polls on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Poll");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("stores a vote before acknowledging it, keeps the last one, and hides results until the reveal", { timeout: 60_000 }, async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const { Ana, Ben } = await seatStudents(server, host, session.code, { [SIDES.rgc]: ["Ana"], [SIDES.cnrp]: ["Ben"] }, open);
    const { pollId } = await must(host, "poll:start", { scenarioPollId: "motion-before" });

    const hostTally = nextEvent(host, "poll:tally", (t) => t.pollId === pollId && t.voted === 2);
    const studentTally = nextEvent(Ben.socket, "poll:tally", (t) => t.pollId === pollId && t.voted === 2);
    expect(await send(Ana.socket, "poll:vote", { pollId, choices: [0] })).toEqual({ ok: true, data: null });
    expect(await send(Ana.socket, "poll:vote", { pollId, choices: [1] })).toEqual({ ok: true, data: null });
    expect(await send(Ben.socket, "poll:vote", { pollId, choices: [2] })).toEqual({ ok: true, data: null });
    const rows = await server.database.db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId));
    expect(rows.map((r) => r.choices).sort()).toEqual([[1], [2]]);

    expect((await hostTally).counts).toEqual([0, 1, 1]);
    // Motion polls hide results from the class: the count, not the counts.
    const hidden = await studentTally;
    expect(hidden.counts).toBeNull();
    expect(hidden.of).toBe(2);

    const bad = await send(Ana.socket, "poll:vote", { pollId, choices: [7] });
    expect(bad.ok ? null : bad.error.code).toBe("invalid");

    await must(host, "poll:close", { pollId });
    const late = await send(Ben.socket, "poll:vote", { pollId, choices: [0] });
    expect(late.ok ? null : late.error.code).toBe("closed");

    const voters = await must(host, "poll:voters", { pollId });
    expect(voters.voters.map((v) => [v.name, v.choices])).toEqual([["Ana", [1]], ["Ben", [2]]]);

    const before = await snapshotOf<ParticipantView>(Ana.socket);
    expect(before.polls.current?.tally.counts).toBeNull();
    expect(before.myVote).toEqual({ pollId, choices: [1], text: null });
    const revealed = nextEvent(Ana.socket, "poll:changed", (c) => c.current?.revealed === true);
    await must(host, "poll:reveal", { pollId });
    expect((await revealed).current?.tally.counts).toEqual([0, 1, 1]);
    const hostView = await snapshotOf<HostView>(host);
    expect(hostView.polls.current?.status).toBe("closed");
  });

  it("runs a quiz question: answers stored, a second refused, points and ranks at the close", { timeout: 60_000 }, async () => {
    const session = await startSession(server.url, teacher.cookie);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const { Ana, Ben } = await seatStudents(server, host, session.code, { [SIDES.rgc]: ["Ana"], [SIDES.cnrp]: ["Ben"] }, open);
    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    const hostView = await snapshotOf<HostView>(host);
    const key = hostView.quiz.question?.key?.correct;
    expect(key && "choices" in key).toBe(true);
    const right = (key as { choices: number[] }).choices[0];
    const student = await snapshotOf<ParticipantView>(Ana.socket);
    expect(student.quiz.question?.key).toBeNull();

    expect(await send(Ana.socket, "quiz:answer", { questionId, choices: [right] })).toEqual({ ok: true, data: null });
    const again = await send(Ana.socket, "quiz:answer", { questionId, choices: [right] });
    expect(again.ok ? null : again.error.code).toBe("invalid");
    expect(await send(Ben.socket, "quiz:answer", { questionId, choices: [(right + 1) % 4] })).toEqual({ ok: true, data: null });

    const anaResult = nextEvent(Ana.socket, "quiz:result", (r) => r.questionId === questionId);
    const closed = nextEvent(host, "quiz:changed", (c) => c.quiz.question?.status === "closed");
    await must(host, "quiz:close", { questionId });
    const result = await anaResult;
    expect(result).toMatchObject({ correct: true, rank: 1, streak: 1 });
    expect(result.points).toBeGreaterThan(900);
    const board = (await closed).quiz;
    expect(board.leaderboard.map((e) => e.name)).toEqual(["Ana", "Ben"]);
    expect(board.question?.distribution?.reduce((n, d) => n + d.count, 0)).toBe(2);
    const late = await send(Ben.socket, "quiz:answer", { questionId, choices: [right] });
    expect(late.ok ? null : late.error.code).toBe("closed");
  });
});
