// A student the teacher removes leaves the live counts: their vote leaves "N of M have voted" and
// the word cloud, their answer leaves "N of M have answered", as M (the active seats) drops too;
// their rows stay stored. And what the server holds in memory for a session no one is connected
// to is swept, then read again from the database: the class sees the same counts on its return.
// Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollVotes } from "../../db/schema";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { answerRows, seatClass, voteRows } from "../support/classroom";
import { connect, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, received, snapshotOf } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("a removed student and a swept session on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Counts");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const newClass = async (count: number) => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    return { session, host, students: await seatClass(server, host, session.code, count, open) };
  };

  it("takes a removed student's vote out of the count and the word cloud, and their answer out of the progress", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(3);
    const [kept, other, removed] = students;
    const tallies = received(host, "poll:tally");
    const { pollId } = await must(host, "poll:start", { custom: { kind: "text", prompt: "One word for the summit", options: [] } });
    await must(kept.socket, "poll:vote", { pollId, choices: [], text: "trade" });
    await must(other.socket, "poll:vote", { pollId, choices: [], text: "trade" });
    await must(removed.socket, "poll:vote", { pollId, choices: [], text: "prank" });
    await expect.poll(() => tallies.at(-1)?.voted, { timeout: 5000 }).toBe(3);

    const keptPolls = received(kept.socket, "poll:changed");
    await must(host, "lobby:removeParticipant", { participantId: removed.id });
    await expect.poll(() => tallies.at(-1), { timeout: 5000 }).toMatchObject({ voted: 2, of: 2 });
    // Every audience is told, not only the teacher.
    await expect.poll(() => keptPolls.at(-1)?.current?.tally, { timeout: 5000 }).toMatchObject({ voted: 2, of: 2 });
    expect(keptPolls.at(-1)!.current!.tally.cloud?.map((w) => w.text)).toEqual(["trade"]);
    // Nor does the teacher's list of who voted what name them.
    expect((await must(host, "poll:voters", { pollId })).voters.map((v) => v.participantId).sort()).toEqual([kept.id, other.id].sort());
    expect(tallies.at(-1)!.cloud?.map((w) => w.text)).toEqual(["trade"]);
    const view = await snapshotOf<HostView>(host);
    expect(view.polls.current?.tally).toMatchObject({ voted: 2, of: 2 });
    expect(view.polls.current?.tally.cloud?.map((w) => w.text)).toEqual(["trade"]);
    // The row stays: the record keeps what was said.
    expect(await voteRows(server.database.db, pollId)).toHaveLength(3);
    await must(host, "poll:close", { pollId });

    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    const progress = received(host, "quiz:progress");
    await must(kept.socket, "quiz:answer", { questionId, choices: [0] });
    await must(other.socket, "quiz:answer", { questionId, choices: [1] });
    await expect.poll(() => progress.at(-1), { timeout: 5000 }).toMatchObject({ answered: 2, of: 2 });
    const keptQuiz = received(kept.socket, "quiz:changed");
    await must(host, "lobby:removeParticipant", { participantId: other.id });
    await expect.poll(() => progress.at(-1), { timeout: 5000 }).toMatchObject({ answered: 1, of: 1 });
    await expect.poll(() => keptQuiz.at(-1)?.quiz.progress, { timeout: 5000 }).toMatchObject({ answered: 1, of: 1 });
    expect((await snapshotOf<HostView>(host)).quiz.progress).toMatchObject({ answered: 1, of: 1 });
    await must(host, "quiz:close", { questionId });
    const closed = await snapshotOf<HostView>(host);
    expect(closed.quiz.progress).toMatchObject({ answered: 1, of: 1 });
    expect(closed.quiz.question?.distribution?.reduce((n, d) => n + d.count, 0)).toBe(1);
    expect(await answerRows(server.database.db, questionId)).toHaveLength(2);
  });

  it("sweeps a session no one is connected to from memory, and shows the same counts when the class is back", { timeout: 30_000 }, async () => {
    const { session, host, students } = await newClass(4);
    const { pollId } = await must(host, "poll:start", { custom: { kind: "choice", prompt: "Which matters most?", options: ["Trade", "Rights"] } });
    for (const [i, s] of students.slice(0, 3).entries()) await must(s.socket, "poll:vote", { pollId, choices: [i % 2] });
    const before = await snapshotOf<HostView>(host);
    expect(before.polls.current?.tally).toMatchObject({ voted: 3, counts: [2, 1] });

    // Everyone leaves; the sweep drops the session's counts, gate and boards.
    host.disconnect();
    for (const s of students) s.socket.disconnect();
    await expect.poll(() => server.rostrum.io.of("/").adapter.rooms.has(`session:${session.id}`), { timeout: 5000 }).toBe(false);
    server.rostrum.live.sweep();
    // A row written behind the server's back shows whether the count is read again from the database.
    await server.database.db.insert(pollVotes).values({ pollId, participantId: students[3].id, choices: [1] });

    const back = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const again = await snapshotOf<HostView>(back);
    expect(again.polls.current?.tally).toMatchObject({ voted: 4, of: 4, counts: [2, 2] });
    // Votes go on being taken, counted from the rows read again, and broadcast in order after the snapshot.
    const tallies = received(back, "poll:tally");
    const student = await connect(server.url, { role: "participant", token: students[0].token });
    await must(student, "poll:vote", { pollId, choices: [1] });
    await expect.poll(() => tallies.at(-1), { timeout: 5000 }).toMatchObject({ voted: 4, counts: [1, 3] });
    expect(tallies.at(-1)!.seq).toBeGreaterThan(again.polls.current!.tally.seq);
    expect((await snapshotOf<ParticipantView>(student)).myVote).toMatchObject({ pollId, choices: [1] });
    student.disconnect();
  });
});
