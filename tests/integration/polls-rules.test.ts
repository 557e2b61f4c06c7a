// The rules of a poll as students and the teacher observe them over real sockets: a changed
// vote replaces the old one (also when the votes go out back to back), hidden results reach no
// student nor the projector before the reveal, a word cloud filters and hides entries, students
// cannot act as the teacher, and a vote for another session's poll stores nothing.
// Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, ParticipantView, ProjectorView } from "../../server/live/views/types";
import { countsOf, everything, seatClass, voteRows } from "../support/classroom";
import { nextEvent, send, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, received, snapshotOf } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? "ok" : answer.error!.code);

/**
 * Where a payload shows more of a hidden poll than "N of M have voted": counts, a word cloud,
 * a persuasion result, or anyone's choices. Answers the paths found.
 */
function revealing(payload: unknown, path = "$"): string[] {
  if (Array.isArray(payload)) return payload.flatMap((v, i) => revealing(v, `${path}[${i}]`));
  if (payload === null || typeof payload !== "object") return [];
  return Object.entries(payload).flatMap(([key, value]) => {
    if (["counts", "cloud", "persuasion"].includes(key)) return value === null ? [] : [`${path}.${key}`];
    if (key === "choices" || key === "voters") return [`${path}.${key}`];
    return revealing(value, `${path}.${key}`);
  });
}

describe.each(backends)("poll rules on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Rules");
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

  it("keeps one vote per student, the last: sent one after the other or back to back", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(20);
    const tallies = received(host, "poll:tally");
    const { pollId } = await must(host, "poll:start", { custom: { kind: "multiple", prompt: "Which sources did you read?", options: ["VOA", "Khmer Times", "RFA", "None"] } });

    // One after the other: each answer awaited before the change.
    for (const s of students.slice(0, 5)) {
      expect(await send(s.socket, "poll:vote", { pollId, choices: [3] })).toEqual({ ok: true, data: null });
      expect(await send(s.socket, "poll:vote", { pollId, choices: [0, 2] })).toEqual({ ok: true, data: null });
    }
    // Back to back, none awaited: they reach the same batch or the next, in the order sent.
    const sequences = [[[0, 1], [2], [1, 3]], [[3], [0]], [[2, 1], [0, 1, 2, 3]]];
    const lastOf = (i: number) => sequences[i % 3].at(-1)!;
    const acks = await Promise.all(
      students.slice(5).map((s, i) => Promise.all(sequences[i % 3].map((choices) => send(s.socket, "poll:vote", { pollId, choices })))),
    );
    expect(acks.flat().map(code)).toEqual(acks.flat().map(() => "ok"));

    const rows = await voteRows(server.database.db, pollId);
    expect(rows).toHaveLength(20);
    const expected = new Map(students.map((s, i) => [s.id, i < 5 ? [0, 2] : [...lastOf(i - 5)].sort((a, b) => a - b)]));
    for (const row of rows) expect(row.choices).toEqual(expected.get(row.participantId));
    const counts = countsOf([...expected.values()].map((choices) => ({ choices })), 4);
    expect(countsOf(rows, 4)).toEqual(counts);
    await expect.poll(() => tallies.at(-1)?.counts, { timeout: 5000 }).toEqual(counts);
    expect(tallies.at(-1)).toMatchObject({ pollId, voted: 20, of: 20 });
    const mine = await snapshotOf<ParticipantView>(students[6].socket);
    expect(mine.myVote).toEqual({ pollId, choices: [...lastOf(1)].sort((a, b) => a - b), text: null });
    await must(host, "poll:close", { pollId });
    expect((await snapshotOf<HostView>(host)).polls.current?.tally.counts).toEqual(counts);
  });

  it("shows students and the projector no count, cloud or vote of a hidden poll until the reveal", { timeout: 60_000 }, async () => {
    const { session, host, students } = await newClass(6);
    const [watcher, other] = students;
    const projector = await open(server.url, { role: "projector", sessionId: session.id }, teacher.cookie);
    const seen = { watcher: everything(watcher.socket), other: everything(other.socket), projector: everything(projector) };
    const snapshots: unknown[] = [];
    const { pollId } = await must(host, "poll:start", { scenarioPollId: "motion-before" });

    const choices = [0, 1, 1, 2, 0, 1];
    for (const [i, s] of students.entries()) expect(await send(s.socket, "poll:vote", { pollId, choices: [choices[i]] })).toEqual({ ok: true, data: null });
    expect(await send(other.socket, "poll:vote", { pollId, choices: [2] })).toEqual({ ok: true, data: null });
    choices[1] = 2;
    const counts = [2, 2, 2];
    expect(countsOf(await voteRows(server.database.db, pollId), 3)).toEqual(counts);
    // The teacher sees the counts at once; everyone else only that all six voted.
    await expect.poll(async () => (await snapshotOf<HostView>(host)).polls.current?.tally.counts).toEqual(counts);
    await expect.poll(() => seen.projector.filter((e) => e.event === "poll:tally").at(-1)?.payload).toMatchObject({ voted: 6, of: 6 });
    await expect.poll(() => seen.watcher.filter((e) => e.event === "poll:tally").at(-1)?.payload).toMatchObject({ voted: 6, of: 6 });

    const watcherView = await snapshotOf<ParticipantView>(watcher.socket);
    expect(watcherView.myVote).toEqual({ pollId, choices: [0], text: null });
    snapshots.push({ ...watcherView, myVote: null }, await snapshotOf<ProjectorView>(projector));
    const closed = nextEvent(watcher.socket, "poll:changed", (c) => c.current?.status === "closed");
    await must(host, "poll:close", { pollId });
    expect((await closed).current?.tally).toMatchObject({ voted: 6, counts: null, cloud: null });
    snapshots.push({ ...(await snapshotOf<ParticipantView>(other.socket)), myVote: null }, await snapshotOf<ProjectorView>(projector));

    for (const [who, events] of Object.entries(seen)) {
      expect(events.filter((e) => e.event.startsWith("poll:")).length, who).toBeGreaterThan(1);
      expect(events.flatMap((e) => revealing(e.payload, e.event)), who).toEqual([]);
    }
    expect(snapshots.flatMap((s) => revealing(s))).toEqual([]);

    // The reveal: now the class and the projector see the counts, and still not who voted what.
    const revealed = nextEvent(watcher.socket, "poll:changed", (c) => c.current?.revealed === true);
    const onProjector = nextEvent(projector, "poll:changed", (c) => c.current?.revealed === true);
    await must(host, "poll:reveal", { pollId });
    expect((await revealed).current?.tally).toMatchObject({ voted: 6, counts });
    expect((await onProjector).current?.tally.counts).toEqual(counts);
    expect((await snapshotOf<ParticipantView>(other.socket)).polls.current?.tally.counts).toEqual(counts);
    for (const events of Object.values(seen)) expect(events.flatMap((e) => revealing(e.payload, e.event)).filter((p) => !p.endsWith(".counts"))).toEqual([]);
  });

  it("filters a word cloud until the teacher turns the filter off; a hidden entry leaves the class's cloud and stays marked in the teacher's", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(4);
    const [ana, ben, chan, dara] = students;
    const { pollId } = await must(host, "poll:start", { custom: { kind: "text", prompt: "One word for the debate?", options: [] } });

    const rude = await send(ana.socket, "poll:vote", { pollId, choices: [], text: "shit" });
    expect(code(rude)).toBe("invalid");
    expect(await voteRows(server.database.db, pollId)).toEqual([]);
    await must(host, "settings:update", { pollFilter: false });
    expect(await send(ana.socket, "poll:vote", { pollId, choices: [], text: "shit" })).toEqual({ ok: true, data: null });
    expect(await send(ben.socket, "poll:vote", { pollId, choices: [], text: "Great debate" })).toEqual({ ok: true, data: null });
    expect(await send(chan.socket, "poll:vote", { pollId, choices: [], text: "  great   DEBATE " })).toEqual({ ok: true, data: null });
    expect(await voteRows(server.database.db, pollId)).toHaveLength(3);
    await expect.poll(async () => (await snapshotOf<ParticipantView>(dara.socket)).polls.current?.tally.cloud).toEqual([
      { text: "great debate", count: 2 },
      { text: "shit", count: 1 },
    ]);

    const hidden = nextEvent(dara.socket, "poll:changed", (c) => c.current?.tally.cloud?.length === 1);
    await must(host, "poll:hideEntry", { pollId, entry: "SHIT", hidden: true });
    expect((await hidden).current?.tally.cloud).toEqual([{ text: "great debate", count: 2 }]);
    // Typed again it is stored and counted, and still hidden from the class.
    const tallies = received(dara.socket, "poll:tally");
    const hostTallies = received(host, "poll:tally");
    expect(await send(dara.socket, "poll:vote", { pollId, choices: [], text: "Shit" })).toEqual({ ok: true, data: null });
    await expect.poll(() => tallies.at(-1)?.voted).toBe(4);
    expect(tallies.at(-1)?.cloud).toEqual([{ text: "great debate", count: 2 }]);
    await expect.poll(() => hostTallies.at(-1)?.voted).toBe(4);
    expect(hostTallies.at(-1)?.cloud).toEqual([
      { text: "great debate", count: 2 },
      { text: "shit", count: 2, hidden: true },
    ]);
    expect((await snapshotOf<HostView>(host)).polls.current?.tally.cloud).toContainEqual({ text: "shit", count: 2, hidden: true });
    expect((await snapshotOf<ParticipantView>(ben.socket)).polls.current?.tally.cloud).toEqual([{ text: "great debate", count: 2 }]);
  });

  it("never tells anyone who voted what in an anonymous poll, the teacher included", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(3);
    const { pollId } = await must(host, "poll:start", { custom: { kind: "choice", prompt: "Ready?", options: ["Yes", "No"] }, anonymous: true });
    for (const [i, s] of students.entries()) expect(await send(s.socket, "poll:vote", { pollId, choices: [i % 2] })).toEqual({ ok: true, data: null });
    const voters = await send(host, "poll:voters", { pollId });
    expect(code(voters)).toBe("forbidden");
    await expect.poll(async () => (await snapshotOf<HostView>(host)).polls.current?.tally.counts).toEqual([2, 1]);
  });

  it("refuses teacher commands from a student, and a vote or answer for another session's poll or question", { timeout: 60_000 }, async () => {
    const mine = await newClass(1);
    const theirs = await newClass(1);
    const [student] = mine.students;
    for (const [event, payload] of [
      ["poll:start", { scenarioPollId: "motion-before" }],
      ["quiz:ask", { order: "inOrder" }],
    ] as const)
      expect(code(await send(student.socket, event, payload as never)), event).toBe("forbidden");
    expect((await snapshotOf<HostView>(mine.host)).polls.current).toBeNull();

    const { pollId } = await must(theirs.host, "poll:start", { scenarioPollId: "motion-before" });
    const { questionId } = await must(theirs.host, "quiz:ask", { itemId: "summit-place" });
    // Nothing open in the student's own session, then something else open there: refused both times.
    expect(code(await send(student.socket, "poll:vote", { pollId, choices: [0] }))).toBe("closed");
    expect(code(await send(student.socket, "quiz:answer", { questionId, choices: [0] }))).toBe("closed");
    await must(mine.host, "poll:start", { scenarioPollId: "motion-before" });
    await must(mine.host, "quiz:ask", { itemId: "summit-place" });
    for (const [event, payload] of [
      ["poll:close", { pollId }],
      ["poll:reveal", { pollId }],
      ["poll:voters", { pollId }],
      ["quiz:close", { questionId }],
    ] as const)
      expect(code(await send(student.socket, event, payload as never)), event).toBe("forbidden");

    expect(code(await send(student.socket, "poll:vote", { pollId, choices: [0] }))).toBe("closed");
    expect(code(await send(student.socket, "quiz:answer", { questionId, choices: [0] }))).toBe("closed");
    expect(await voteRows(server.database.db, pollId)).toEqual([]);
    const theirView = await snapshotOf<HostView>(theirs.host);
    expect(theirView.polls.current?.tally.voted).toBe(0);
    expect(theirView.quiz.progress?.answered).toBe(0);
  });
});
