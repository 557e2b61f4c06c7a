// The review's downloads over HTTP after a real session over sockets: a student whose name and
// words start with =, +, - and @ (a spreadsheet would run them as formulas) comes out inert in
// every CSV file, the other columns say what happened, session.json holds the whole review,
// and only the session's teacher gets any of it.
// Runs on PGlite, and on PostgreSQL when configured.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionReview } from "../../server/live/review/types";
import type { HostView } from "../../server/live/views/types";
import { cookiesOf, nextEvent, page, postForm, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, snapshotOf, speak, startRound, type Seat } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const FILES = ["arguments.csv", "ballots.csv", "quiz-answers.csv", "poll-votes.csv", "standings.csv", "session.json"] as const;
const NAME = '=HYPERLINK("http://x")';
const SPEECH = '=1+1, said the "minister",\nand the roads followed.';

type Row = Record<string, string>;
/** A CSV download as a spreadsheet reads it: one object per row, keyed by the header. */
const rowsOf = (csv: string): Row[] => parse(csv, { bom: true, columns: true });

describe.each(backends)("review exports on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();
  let teacher: { cookie: string };
  let session: { id: string; code: string };
  let students: Record<string, Seat>;
  let studentCookie: string;
  let sideName: (id: string) => string;
  let ids: { speech: string; plain: string; question: string; answer: string; quizPoints: number; right: string; wrong: string };

  const download = (file: string, cookie?: string, query = "") =>
    fetch(`${server.url}/teacher/sessions/${session.id}/export/${file}${query}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const csv = async (file: string, query = "") => {
    const res = await download(file, teacher.cookie, query);
    expect(res.status).toBe(200);
    return rowsOf(await res.text());
  };

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Export");
    session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [
      { index: SCENARIO_ROUNDS.opening, seconds: 600 },
      { index: SCENARIO_ROUNDS.crossfire, seconds: 600 },
    ]);
    // A student who joins through the form, as a phone does, for a real seat cookie.
    const { html } = await page(server.url, `/join?code=${session.code}`);
    const joinId = html.match(/name="joinId" value="([0-9a-f-]{36})"/)![1];
    studentCookie = cookiesOf(await postForm(`${server.url}/join`, { code: session.code, joinId, name: "Chea" }));
    expect(studentCookie).not.toBe("");

    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    students = await seatStudents(server, host, session.code, { [SIDES.rgc]: [NAME], [SIDES.cnrp]: ["Ben"] }, open);
    const hyp = students[NAME];
    const ben = students.Ben;
    const view = await snapshotOf<HostView>(host);
    sideName = (id) => view.scenario.sides.find((s) => s.id === id)!.name;

    // Opening: a speech starting with =, scored, voted for, and its card challenged and upheld.
    const opening = await startRound(host, 0);
    const speech = await must(hyp.socket, "argument:submit", { roundId: opening.id, clientId: randomUUID(), body: SPEECH, cardIds: ["vannarith-gradual"] });
    const plainAnswer = await speak(ben, opening.id, "Plain words.");
    if (!plainAnswer.ok) throw new Error(plainAnswer.error.message);
    await must(host, "round:end", { roundId: opening.id });
    await must(host, "ballot:submit", { argumentId: speech.id, scores: rubricScores([4, 3, 5, 2]), comment: "@see the card" });
    await must(host, "round:reveal", { roundId: opening.id });
    await must(ben.socket, "vote:cast", { roundId: opening.id, argumentId: speech.id });
    const challenge = await must(ben.socket, "challenge:open", { argumentId: speech.id, cardId: "vannarith-gradual", reason: "Out of context." });
    await must(host, "challenge:rule", { challengeId: challenge.id, upheld: true, reason: "It is." });

    // Crossfire: a question starting with + and an answer starting with -.
    const crossfire = await startRound(host, 1);
    const question = await must(ben.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "+why roads?", cardIds: [] });
    const answer = await must(hyp.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "-because trade.", cardIds: [] });
    await must(host, "round:end", { roundId: crossfire.id });

    // A word cloud whose entry starts with @.
    const { pollId } = await must(host, "poll:start", { custom: { kind: "text", prompt: "One word for the debate?", options: [] } });
    await must(hyp.socket, "poll:vote", { pollId, text: "@trade" });
    await must(ben.socket, "poll:vote", { pollId, text: "roads" });
    await must(host, "poll:close", { pollId });

    // A quiz question: the =-named student right, Ben wrong.
    const shown = nextEvent(host, "quiz:changed", (c) => c.quiz.question?.status === "open");
    const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
    const asked = (await shown).quiz.question!;
    const right = (asked.key!.correct as { choices: number[] }).choices[0];
    const wrong = (right + 1) % asked.options.length;
    await must(hyp.socket, "quiz:answer", { questionId, choices: [right] });
    await must(ben.socket, "quiz:answer", { questionId, choices: [wrong] });
    const result = nextEvent(hyp.socket, "quiz:result", (r) => r.questionId === questionId);
    await must(host, "quiz:close", { questionId });
    ids = { speech: speech.id, plain: plainAnswer.data.id, question: question.id, answer: answer.id, quizPoints: (await result).points, right: asked.options[right], wrong: asked.options[wrong] };
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("answers each file as an attachment named after the session, never cached", async () => {
    for (const file of FILES) {
      const res = await download(file, teacher.cookie);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type"), file).toBe(file.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
      expect(res.headers.get("content-disposition"), file).toBe(`attachment; filename="rostrum-${session.code}-${file}"`);
      expect(res.headers.get("cache-control"), file).toBe("no-store");
      const bytes = new Uint8Array(await res.arrayBuffer());
      // CSV: UTF-8's byte order mark first, lines ending in CRLF.
      if (file.endsWith(".csv")) {
        expect([...bytes.slice(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
        expect(new TextDecoder().decode(bytes).split("\r\n")[0], file).not.toContain("\n");
      }
    }
  });

  it("writes arguments.csv with the student's formula-like name and words inert", async () => {
    const rows = await csv("arguments.csv");
    expect(rows.map((r) => [r.round_number, r.kind, r.argument_id])).toEqual([
      ["1", "speech", ids.speech],
      ["1", "speech", ids.plain],
      ["2", "question", ids.question],
      ["2", "answer", ids.answer],
    ]);
    expect(rows[0]).toMatchObject({
      author: `'${NAME}`,
      author_removed: "no",
      side: sideName(SIDES.rgc),
      side_id: SIDES.rgc,
      text: `'${SPEECH}`,
      cited_cards: "vannarith-gradual",
      target_side: "",
      reply_to: "",
      rubric_points: "70",
      peer_votes: "1",
      challenges_upheld: "1",
      challenges_rejected: "0",
    });
    expect(rows[0].submitted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[1]).toMatchObject({ author: "Ben", text: "Plain words.", rubric_points: "0" });
    expect(rows[2]).toMatchObject({ author: "Ben", side: sideName(SIDES.cnrp), text: "'+why roads?", target_side: sideName(SIDES.rgc), reply_to: "" });
    expect(rows[3]).toMatchObject({ author: `'${NAME}`, text: "'-because trade.", reply_to: ids.question });
  });

  it("writes ballots.csv with a score per criterion and the judge's comment inert", async () => {
    expect(await csv("ballots.csv")).toEqual([
      {
        argument_id: ids.speech,
        round_number: "1",
        author: `'${NAME}`,
        side: sideName(SIDES.rgc),
        judge: "Ms Export",
        score_argument: "4",
        score_evidence: "3",
        score_rebuttal: "5",
        score_delivery: "2",
        ballot_points: "70",
        comment: "'@see the card",
      },
    ]);
  });

  it("writes quiz-answers.csv and poll-votes.csv with the student's name and entry inert", async () => {
    const answers = await csv("quiz-answers.csv");
    expect(answers.map((r) => [r.student, r.side, r.answer, r.correct, r.credit, r.points, r.streak, r.student_removed])).toEqual([
      [`'${NAME}`, sideName(SIDES.rgc), ids.right, "yes", "1", String(ids.quizPoints), "1", "no"],
      ["Ben", sideName(SIDES.cnrp), ids.wrong, "no", "0", "0", "0", "no"],
    ]);
    expect(answers.every((r) => r.question_number === "1" && r.item_id === "rainsy-abroad" && Number(r.response_ms) >= 0)).toBe(true);

    const votes = await csv("poll-votes.csv");
    expect(votes.map((r) => [r.poll_number, r.kind, r.phase, r.question, r.student, r.side, r.answer])).toEqual([
      ["1", "text", "", "One word for the debate?", `'${NAME}`, sideName(SIDES.rgc), "'@trade"],
      ["1", "text", "", "One word for the debate?", "Ben", sideName(SIDES.cnrp), "roads"],
    ]);
  });

  it("writes standings.csv whose parts add up, a negative part staying a number", async () => {
    const rows = await csv("standings.csv");
    const hyp = rows.find((r) => r.kind === "student" && r.name === `'${NAME}`)!;
    const quiz = Math.round(ids.quizPoints / 10);
    expect(hyp).toMatchObject({ side: sideName(SIDES.rgc), rubric: "70", peer_votes: "10", challenges: "-30", quiz: String(quiz), audience: "0", total: String(70 + 10 - 30 + quiz) });
    expect(rows.find((r) => r.kind === "student" && r.name === "Ben")).toMatchObject({ challenges: "15", quiz: "0" });
    expect(rows.filter((r) => r.kind === "side").map((r) => r.name)).toHaveLength(4);
    expect(rows.findIndex((r) => r.kind === "student")).toBe(4);
    for (const r of rows) expect(Number(r.total), r.name).toBe(["rubric", "peer_votes", "challenges", "quiz", "audience"].reduce((n, k) => n + Number(r[k]), 0));
  });

  it("writes session.json with the whole review, names as typed", async () => {
    const res = await download("session.json", teacher.cookie);
    const json = (await res.json()) as { format: string; formatVersion: number; exportedAt: string; review: SessionReview };
    expect(json).toMatchObject({ format: "rostrum-session", formatVersion: 1, review: { anonymous: false, session: { id: session.id, code: session.code } } });
    expect(Date.parse(json.exportedAt)).not.toBeNaN();
    const { review } = json;
    expect(review.people.map((p) => p.name).sort()).toEqual(["Ben", "Chea", NAME].sort());
    expect(review.rounds.map((r) => [r.speeches.length, r.threads.length])).toEqual([
      [2, 0],
      [0, 1],
    ]);
    expect(review.rounds[0].speeches[0]).toMatchObject({ id: ids.speech, body: SPEECH, author: NAME, rubricPoints: 70, peerVotes: 1 });
    expect(review.answers).toHaveLength(2);
    expect(review.votes.map((v) => v.answerText)).toEqual(["@trade", "roads"]);
    expect(review.standings.individuals.find((s) => s.id === students[NAME].id)?.breakdown.challenges).toBe(-30);
  });

  it("writes anonymous labels instead of names with ?names=anonymous", async () => {
    const rows = await csv("arguments.csv", "?names=anonymous");
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.author).toMatch(/^Student [1-3]$/);
    for (const file of FILES) {
      const res = await download(file, teacher.cookie, "?names=anonymous");
      const text = await res.text();
      expect(text, file).not.toContain("HYPERLINK");
      expect(text, file).not.toMatch(/\bBen\b/);
    }
  });

  it("gives another teacher 404 for every file, and a bad file name is 404", async () => {
    const other = await signUpTeacher(server.url, "Mr Other");
    for (const file of FILES) {
      const res = await download(file, other.cookie);
      expect(res.status, file).toBe(404);
      expect(await res.text(), file).not.toContain("HYPERLINK");
    }
    for (const file of ["secrets.csv", "arguments.json", "..%2Fsession.json"]) expect((await download(file, teacher.cookie)).status, file).toBe(404);
  });

  it("sends a student's seat cookie, or no cookie, to the login page, with no data", async () => {
    for (const cookie of [studentCookie, undefined]) {
      const res = await download("standings.csv", cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/login\?next=/);
      expect(await res.text()).not.toContain("HYPERLINK");
    }
  });
});
