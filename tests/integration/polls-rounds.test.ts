// Polls as rounds of the plan, over real sockets: a poll round opens its poll as it starts,
// pausing the round stops votes and resuming takes them again, ending it or its deadline closes
// the poll, and ending the session closes what is open; the before and after motion polls give
// the persuasion result, the teacher's at once, the class's once the after poll is revealed,
// with audience points for the winning sides.
// Runs on PGlite, and on PostgreSQL when configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, ParticipantView } from "../../server/live/views/types";
import { answerRows, seatClass, voteRows, type Student } from "../support/classroom";
import { nextEvent, send, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { ask, must, received, snapshotOf } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? "ok" : answer.error!.code);
/** The scenario's motion polls as plan rounds: index 0 runs motion-before, index 9 motion-after. */
const BEFORE = { index: 0, seconds: 600 };
const AFTER = { index: 9, seconds: 600 };
const FOR = 0;
const AGAINST = 1;
const UNDECIDED = 2;

describe.each(backends)("poll rounds on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Motion");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const newClass = async (count: number, plan = [BEFORE, AFTER]) => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, plan);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    return { session, host, students: await seatClass(server, host, session.code, count, open) };
  };
  /** Starts a plan round: the round and the poll it opened, from one snapshot of the teacher's. */
  const startPollRound = async (host: ClientSocket, index: number) => {
    await must(host, "round:start", { index });
    const view = await snapshotOf<HostView>(host);
    expect(view.debate.round?.index).toBe(index);
    return { round: view.debate.round!, poll: view.polls.current! };
  };
  const vote = (student: Student, pollId: string, choice: number) => send(student.socket, "poll:vote", { pollId, choices: [choice] });

  it("opens a poll round's poll with the round; a pause refuses votes, resuming takes them, the end closes it", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(3);
    const [ana, ben, chan] = students;
    const { round, poll } = await startPollRound(host, 0);
    expect(poll).toMatchObject({ kind: "motion", phase: "before", roundId: round.id, status: "open", results: "hidden", options: ["For", "Against", "Undecided"] });
    const pollId = poll.id;
    expect(code(await vote(ana, pollId, FOR))).toBe("ok");
    // The round runs the poll: it closes with the round, and no other poll opens meanwhile.
    expect(code(await ask(host, "poll:close", { pollId }))).toBe("invalid");
    expect(code(await ask(host, "poll:start", { scenarioPollId: "us-leverage" }))).toBe("closed");

    await must(host, "round:pause", { roundId: round.id });
    expect(code(await vote(ben, pollId, AGAINST))).toBe("closed");
    expect(code(await vote(ana, pollId, AGAINST))).toBe("closed");
    expect((await voteRows(server.database.db, pollId)).map((r) => [r.participantId, r.choices])).toEqual([[ana.id, [FOR]]]);
    await must(host, "round:resume", { roundId: round.id });
    expect(code(await vote(ben, pollId, AGAINST))).toBe("ok");

    const closed = nextEvent(chan.socket, "poll:changed", (c) => c.current?.status === "closed");
    await must(host, "round:end", { roundId: round.id });
    expect((await closed).current).toMatchObject({ id: pollId, status: "closed", tally: { voted: 2, of: 3, counts: null } });
    expect(code(await vote(chan, pollId, UNDECIDED))).toBe("closed");
    const rows = await voteRows(server.database.db, pollId);
    expect(new Map(rows.map((r) => [r.participantId, r.choices]))).toEqual(
      new Map([
        [ana.id, [FOR]],
        [ben.id, [AGAINST]],
      ]),
    );
    expect((await snapshotOf<HostView>(host)).polls.current?.tally).toMatchObject({ voted: 2, counts: [1, 1, 0] });
  });

  it("closes a poll round's poll at the round's deadline, with the votes taken before it", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(3, [{ index: 0, seconds: 10 }]);
    const [ana, ben, chan] = students;
    const { round, poll } = await startPollRound(host, 0);
    const changes = received(chan.socket, "poll:changed");
    expect(code(await vote(ana, poll.id, FOR))).toBe("ok");
    await new Promise((r) => setTimeout(r, round.endsAt! - Date.now() - 300));
    expect(code(await vote(ben, poll.id, AGAINST))).toBe("ok");
    await expect.poll(() => changes.at(-1)?.current?.status, { timeout: 3000, interval: 50 }).toBe("closed");
    expect(changes.at(-1)!.current!.tally).toMatchObject({ voted: 2, of: 3 });
    expect(code(await vote(chan, poll.id, UNDECIDED))).toBe("closed");
    expect((await voteRows(server.database.db, poll.id)).map((r) => r.participantId).sort()).toEqual([ana.id, ben.id].sort());
  });

  it("closes the open poll and question when the session ends; votes and answers after it are refused", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(2);
    const [ana, ben] = students;
    const { pollId } = await must(host, "poll:start", { scenarioPollId: "us-leverage" });
    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    expect(code(await vote(ana, pollId, 4))).toBe("ok");
    expect(code(await send(ana.socket, "quiz:answer", { questionId, choices: [0] }))).toBe("ok");
    const result = nextEvent(ana.socket, "quiz:result", (r) => r.questionId === questionId);
    await must(host, "session:end", {});
    expect(await result).toMatchObject({ questionId, answered: true });
    expect(code(await vote(ben, pollId, 0))).toBe("closed");
    expect(code(await send(ben.socket, "quiz:answer", { questionId, choices: [0] }))).toBe("closed");
    const rows = await voteRows(server.database.db, pollId);
    expect(rows.map((r) => [r.participantId, r.choices])).toEqual([[ana.id, [4]]]);
    const [answer, ...none] = await answerRows(server.database.db, questionId);
    expect(none).toEqual([]);
    expect(answer.points).not.toBeNull();
  });

  it("compares the before and after polls: persuasion and flow for the teacher at once, for the class and the scoreboard after the reveal", { timeout: 60_000 }, async () => {
    const { host, students } = await newClass(5);
    const [ana, ben, chan, dara, eli] = students;
    await must(host, "settings:update", { scoreboard: "sides" });

    const before = await startPollRound(host, 0);
    for (const [s, choice] of [[ana, FOR], [ben, AGAINST], [chan, UNDECIDED], [dara, AGAINST]] as const) expect(code(await vote(s, before.poll.id, choice))).toBe("ok");
    await must(host, "round:end", { roundId: before.round.id });

    const { round: after, poll: afterPoll } = await startPollRound(host, 1);
    expect(afterPoll).toMatchObject({ phase: "after", roundId: after.id, status: "open", tally: { voted: 0 } });
    // Three moved to "for", one stayed against; Eli votes only now.
    for (const [s, choice] of [[ana, FOR], [ben, FOR], [chan, FOR], [dara, AGAINST], [eli, UNDECIDED]] as const) expect(code(await vote(s, afterPoll.id, choice))).toBe("ok");
    const studentSaw = nextEvent(eli.socket, "poll:changed", (c) => c.current?.status === "closed");
    const teacherSaw = nextEvent(host, "poll:changed", (c) => c.current?.status === "closed");
    await must(host, "round:end", { roundId: after.id });
    expect((await studentSaw).persuasion).toBeNull();
    expect((await teacherSaw).persuasion).not.toBeNull();

    const teacherView = await snapshotOf<HostView>(host);
    const result = teacherView.polls.persuasion!;
    expect(result.before.votes).toBe(4);
    expect(result.after.votes).toBe(5);
    expect(result.before.for).toBeCloseTo(25);
    expect(result.before.against).toBeCloseTo(50);
    expect(result.before.undecided).toBeCloseTo(25);
    expect(result.after.for).toBeCloseTo(60);
    expect(result.after.against).toBeCloseTo(20);
    expect(result.after.undecided).toBeCloseTo(20);
    expect(result.gain.for).toBeCloseTo(35);
    expect(result.gain.against).toBeCloseTo(-30);
    expect(result.winner).toBe("for");
    expect({ onlyBefore: result.onlyBefore, onlyAfter: result.onlyAfter }).toEqual({ onlyBefore: 0, onlyAfter: 1 });
    const moved = result.flow.filter((f) => f.count > 0).map((f) => `${f.from}>${f.to}:${f.count}`);
    expect(moved.sort()).toEqual(["against>against:1", "against>for:1", "for>for:1", "undecided>for:1"]);
    expect(result.flow).toHaveLength(9);
    // Audience points count once the class sees the result (the documented rule).
    const audienceOf = (board: HostView["debate"]["scoreboard"]) => Object.fromEntries(board!.sides.map((s) => [s.id, s.breakdown.audience]));
    expect(audienceOf(teacherView.debate.scoreboard)).toEqual({ "rgc-cpp": 0, cnrp: 0, "us-state-department": 0, "engagement-commentators": 0 });

    const hidden = await snapshotOf<ParticipantView>(ana.socket);
    expect(hidden.polls.persuasion).toBeNull();
    expect(hidden.polls.current?.tally.counts).toBeNull();
    const scores = { host: received(host, "scores:changed"), student: received(ana.socket, "scores:changed") };
    const revealed = nextEvent(ana.socket, "poll:changed", (c) => c.persuasion !== null);
    await must(host, "poll:reveal", { pollId: afterPoll.id });
    expect((await revealed).persuasion).toEqual(result);
    expect((await snapshotOf<ParticipantView>(eli.socket)).polls.persuasion).toEqual(result);
    // The sides arguing for the motion win the audience; the scoreboard says so, to the teacher and the class.
    const won = { "rgc-cpp": 0, cnrp: 100, "us-state-department": 100, "engagement-commentators": 0 };
    expect(audienceOf((await snapshotOf<HostView>(host)).debate.scoreboard)).toEqual(won);
    await expect.poll(() => scores.host.at(-1) && audienceOf(scores.host.at(-1)!.scoreboard), { timeout: 3000 }).toEqual(won);
    await expect.poll(() => scores.student.at(-1) && audienceOf(scores.student.at(-1)!.scoreboard), { timeout: 3000 }).toEqual(won);
  });
});
