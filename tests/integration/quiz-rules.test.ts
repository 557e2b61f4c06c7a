// The rules of a quiz question over real sockets: the server's clock refuses an answer after the
// deadline, one answer per student (a second sent back to back is refused), and a plan quiz
// round asks at most its N questions, closes the open one as it ends, and shows the podium with
// side totals averaged per member. The scenario is the shipped one with one question of 5 s and
// a quiz round of 2 questions, so the clock is waited out in seconds.
// Runs on PGlite, and on PostgreSQL when configured.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { contentDir } from "../../content/load";
import type { HostView, ParticipantView, QuizResult } from "../../server/live/views/types";
import { answerRows, seatClass } from "../support/classroom";
import type { Payload } from "../../server/realtime/events";
import { nextEvent, send, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { ask, must, received, snapshotOf, startRound } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? "ok" : answer.error!.code);
/** The scenario's quiz round (index 8), cut to two questions here. */
const QUIZ_ROUND = 8;
const SHORT = "summit-place";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rostrum-quiz-"));
  await mkdir(path.join(dir, "scenarios"));
  await cp(path.join(contentDir, "sources.yaml"), path.join(dir, "sources.yaml"));
  const pack = parse(await readFile(path.join(contentDir, "scenarios", "conditioned-engagement.yaml"), "utf8"));
  pack.quiz.find((q: { id: string }) => q.id === SHORT).seconds = 5;
  pack.rounds[QUIZ_ROUND].questions = 2;
  await writeFile(path.join(dir, "scenarios", "conditioned-engagement.yaml"), stringify(pack));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe.each(backends)("quiz rules on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend, { contentDir: dir });
    teacher = await signUpTeacher(server.url, "Ms Quiz");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  const newClass = async (count: number, rounds?: { index: number; seconds: number }[]) => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, rounds);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    return { session, host, students: await seatClass(server, host, session.code, count, open) };
  };
  /** Asks a question; answers its id, the quiz part the teacher was sent, and the right option. */
  const askQuestion = async (host: ClientSocket, payload: Payload<"quiz:ask">) => {
    const shown = nextEvent(host, "quiz:changed", (c) => c.quiz.question?.status === "open");
    const { questionId } = await must(host, "quiz:ask", payload);
    const { quiz } = await shown;
    expect(quiz.question?.id).toBe(questionId);
    return { questionId, quiz, right: (quiz.question!.key!.correct as { choices: number[] }).choices[0] };
  };

  it("takes an answer until the deadline by the server's clock, refuses one after it, and closes the question then", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(11);
    const [early, last, late, ...edge] = students;
    const { questionId, quiz, right } = await askQuestion(host, { itemId: SHORT });
    const { startedAt, endsAt } = quiz.question!;
    expect(endsAt - startedAt).toBe(5000);
    const changes = received(host, "quiz:changed");

    expect(await send(early.socket, "quiz:answer", { questionId, choices: [right] })).toEqual({ ok: true, data: null });
    await sleep(endsAt - Date.now() - 400);
    expect(await send(last.socket, "quiz:answer", { questionId, choices: [right] })).toEqual({ ok: true, data: null });
    // Around the deadline, a millisecond apart: each is taken only if the server received it in time.
    const atEdge = await Promise.all(
      edge.map((s, i) => sleep(endsAt - Date.now() - 4 + i).then(() => send(s.socket, "quiz:answer", { questionId, choices: [right] }))),
    );
    await sleep(endsAt - Date.now() + 5);
    const refused = await send(late.socket, "quiz:answer", { questionId, choices: [right] });
    expect(refused).toMatchObject({ ok: false, error: { code: "closed", message: "Time is up: this question is closed." } });

    const rows = await answerRows(server.database.db, questionId);
    const taken = edge.filter((_, i) => atEdge[i].ok).map((s) => s.id);
    expect(atEdge.map(code).filter((c) => c !== "ok")).toEqual(atEdge.map(code).filter((c) => c === "closed"));
    expect(rows.map((r) => r.participantId).sort()).toEqual([early.id, last.id, ...taken].sort());
    expect(rows.every((r) => r.elapsedMs < 5000)).toBe(true);
    expect(rows.find((r) => r.participantId === last.id)!.elapsedMs).toBeGreaterThan(4000);
    // Nobody closes it: the deadline does, and scores the two answers (the later one earns less).
    await expect.poll(() => changes.at(-1)?.quiz.question?.status, { timeout: 3000 }).toBe("closed");
    const scored = await answerRows(server.database.db, questionId);
    const points = (id: string) => scored.find((r) => r.participantId === id)!.points!;
    expect(points(early.id)).toBeGreaterThan(points(last.id));
    expect(points(last.id)).toBeGreaterThanOrEqual(500);
    const lateView = await snapshotOf<ParticipantView>(late.socket);
    expect(lateView.myQuiz.answer).toBeNull();
    expect(lateView.myQuiz.result).toMatchObject({ questionId, answered: false, points: 0 });
    expect(await answerRows(server.database.db, questionId)).toHaveLength(rows.length);
  });

  it("keeps a student's first answer and refuses a second, even sent back to back", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(10);
    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    expect(code(await send(students[0].socket, "quiz:answer", { questionId, number: 3 }))).toBe("invalid");
    expect(code(await send(students[0].socket, "quiz:answer", { questionId, choices: [0, 1] }))).toBe("invalid");

    const pairs = await Promise.all(
      students.map((s, i) =>
        Promise.all([send(s.socket, "quiz:answer", { questionId, choices: [i % 4] }), send(s.socket, "quiz:answer", { questionId, choices: [(i + 1) % 4] })]),
      ),
    );
    expect(pairs.map(([first, second]) => [code(first), code(second)])).toEqual(students.map(() => ["ok", "invalid"]));
    const rows = await answerRows(server.database.db, questionId);
    expect(rows).toHaveLength(10);
    for (const [i, s] of students.entries()) expect(rows.find((r) => r.participantId === s.id)?.answer).toEqual({ choices: [i % 4] });
    await must(host, "quiz:close", { questionId });
    expect((await snapshotOf<HostView>(host)).quiz.question?.distribution?.map((d) => d.count)).toEqual([3, 3, 2, 2]);
  });

  it("leaves the streak of a student who skips a 0× question as it was, and a snapshot mid-question carries the count's sequence", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(3);
    const [skipper, answerer, wrong] = students;
    const first = await askQuestion(host, { itemId: "rainsy-abroad" });
    await must(skipper.socket, "quiz:answer", { questionId: first.questionId, choices: [first.right] });
    await must(answerer.socket, "quiz:answer", { questionId: first.questionId, choices: [first.right] });
    await must(wrong.socket, "quiz:answer", { questionId: first.questionId, choices: [(first.right + 1) % 4] });
    await must(host, "quiz:close", { questionId: first.questionId });

    const practice = await askQuestion(host, { itemId: "son-chhay-party", multiplier: 0 });
    const results = new Map(students.map((s) => [s.id, nextEvent(s.socket, "quiz:result", (r) => r.questionId === practice.questionId)]));
    const progress = nextEvent(host, "quiz:progress", (p) => p.questionId === practice.questionId && p.answered === 1);
    await must(answerer.socket, "quiz:answer", { questionId: practice.questionId, choices: [practice.right] });
    const counted = await progress;
    // A progress event sent before this snapshot must not overtake it: the snapshot's sequence is at least its.
    const mid = (await snapshotOf<HostView>(host)).quiz.progress!;
    expect(mid).toMatchObject({ questionId: practice.questionId, answered: 1, of: 3 });
    expect(mid.seq).toBeGreaterThanOrEqual(counted.seq);
    await must(host, "quiz:close", { questionId: practice.questionId });

    expect(await results.get(skipper.id)).toMatchObject({ answered: false, points: 0, streak: 1 });
    expect(await results.get(answerer.id)).toMatchObject({ answered: true, correct: true, points: 0, streak: 1 });
    expect(await results.get(wrong.id)).toMatchObject({ answered: false, streak: 0 });
    const mine = (await snapshotOf<ParticipantView>(skipper.socket)).myQuiz;
    expect(mine.result).toMatchObject({ questionId: practice.questionId, answered: false, streak: 1 });
    expect(mine.streak).toBe(1);
  });

  it("asks at most a quiz round's questions, closes the open one as the round ends, and shows the podium with side averages", { timeout: 45_000 }, async () => {
    const { host, students } = await newClass(5, [{ index: QUIZ_ROUND, seconds: 600 }]);
    const round = await startRound(host, 0);
    const results = new Map<string, QuizResult[]>(students.map((s) => [s.id, received(s.socket, "quiz:result")]));

    const first = await askQuestion(host, { itemId: "rainsy-abroad" });
    expect(first.quiz.round).toEqual({ roundId: round.id, asked: 1, of: 2 });
    expect(code(await ask(host, "quiz:ask", { itemId: "summit-place" }))).toBe("closed");
    for (const [i, s] of students.entries()) await must(s.socket, "quiz:answer", { questionId: first.questionId, choices: [i === 4 ? (first.right + 1) % 4 : first.right] });
    await must(host, "quiz:close", { questionId: first.questionId });

    const second = await askQuestion(host, { itemId: "son-chhay-party" });
    expect(second.quiz.round).toEqual({ roundId: round.id, asked: 2, of: 2 });
    for (const [i, s] of students.entries()) if (i !== 3) await must(s.socket, "quiz:answer", { questionId: second.questionId, choices: [second.right] });
    const refused = await ask(host, "quiz:ask", { order: "inOrder" });
    expect(refused.ok ? null : refused.error.code).toBe("closed");
    await must(host, "quiz:close", { questionId: second.questionId });
    const third = await ask(host, "quiz:ask", { order: "inOrder" });
    expect(third).toMatchObject({ ok: false, error: { code: "closed", message: "This round's 2 questions have all been asked." } });

    // Ending the round shows the podium.
    const podium = nextEvent(host, "quiz:changed", (c) => c.quiz.podium !== null);
    await must(host, "round:end", { roundId: round.id });
    const view = (await podium).quiz;
    const rows = [...(await answerRows(server.database.db, first.questionId)), ...(await answerRows(server.database.db, second.questionId))];
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.participantId, (totals.get(r.participantId) ?? 0) + r.points!);
    const highest = [...totals.values()].sort((a, b) => b - a);
    expect(view.podium!.top.map((e) => e.points)).toEqual(highest.slice(0, 3));
    for (const e of view.podium!.top) expect(e.points).toBe(totals.get(e.participantId));
    // Sides: the points earned on their answers, averaged over their members now.
    const seats = (await snapshotOf<HostView>(host)).participants;
    for (const side of view.podium!.sides) {
      const members = seats.filter((p) => p.sideId === side.sideId).length;
      const earned = rows.filter((r) => r.sideId === side.sideId).reduce((n, r) => n + r.points!, 0);
      expect(side, side.sideId).toMatchObject({ members, points: Math.round(earned / Math.max(1, members)) });
    }
    expect(view.podium!.sides.map((s) => s.points)).toEqual([...view.podium!.sides.map((s) => s.points)].sort((a, b) => b - a));
    // Each student's last result holds their streak and total; the one who skipped lost the streak.
    await expect.poll(() => [...results.values()].every((r) => r.length === 2)).toBe(true);
    for (const s of students) {
      const last = results.get(s.id)!.at(-1)!;
      expect(last.total).toBe(totals.get(s.id));
      expect(last.streak).toBe(rows.find((r) => r.participantId === s.id && r.questionId === second.questionId)?.streak ?? 0);
    }
    expect(results.get(students[0].id)!.at(-1)).toMatchObject({ correct: true, streak: 2 });
    expect(results.get(students[3].id)!.at(-1)).toMatchObject({ answered: false, streak: 0 });

    // After the round, questions can be asked ad hoc again.
    const adHoc = await askQuestion(host, { itemId: "summit-place" });
    expect(adHoc.quiz.question).toMatchObject({ roundId: null, status: "open" });
    expect(adHoc.quiz.round).toBeNull();
  });

  it("closes a question still open when its quiz round ends, scores it, and updates the scoreboard", { timeout: 30_000 }, async () => {
    const { host, students } = await newClass(2, [{ index: QUIZ_ROUND, seconds: 600 }]);
    await must(host, "settings:update", { scoreboard: "individuals" });
    const round = await startRound(host, 0);
    const { questionId, right } = await askQuestion(host, { itemId: "rainsy-abroad" });
    const result = nextEvent(students[0].socket, "quiz:result", (r) => r.questionId === questionId);
    await must(students[0].socket, "quiz:answer", { questionId, choices: [right] });
    const scores = { host: received(host, "scores:changed"), student: received(students[1].socket, "scores:changed") };
    await must(host, "round:end", { roundId: round.id });
    expect(await result).toMatchObject({ answered: true, correct: true, rank: 1 });
    const [row] = await answerRows(server.database.db, questionId);
    expect(row.points).toBe((await result).points);
    expect(code(await send(students[1].socket, "quiz:answer", { questionId, choices: [right] }))).toBe("closed");
    const view = await snapshotOf<HostView>(host);
    expect(view.quiz.question?.status).toBe("closed");

    // The standings count a tenth of the quiz points: in the teacher's view, and pushed to everyone.
    const quizPart = (board: HostView["debate"]["scoreboard"]) => board?.individuals?.find((p) => p.id === students[0].id)?.breakdown.quiz;
    expect(quizPart(view.debate.scoreboard)).toBe(Math.round(row.points! / 10));
    await expect.poll(() => quizPart(scores.host.at(-1)?.scoreboard ?? null), { timeout: 3000 }).toBe(Math.round(row.points! / 10));
    await expect.poll(() => quizPart(scores.student.at(-1)?.scoreboard ?? null), { timeout: 3000 }).toBe(Math.round(row.points! / 10));
  });
});
