// The after-class review of a whole session scripted over real sockets (tests/fixtures/
// review-record/session.ts: four sides, two speaking rounds, ballots, peer votes, challenges, both motion
// polls, a word cloud, five quiz questions, a removed student): exactly the standings, item
// analysis, polls and answers worked out by hand, the ledger adding up to every total, and the
// same review from the database alone after a restart; anonymised, no student's name in it.
// Runs on PGlite (a data directory) and on PostgreSQL when configured.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debateArguments, pollVotes as pollVoteRows, quizAnswers, teachers } from "../../db/schema";
import { CSV_FILES, reviewCsv, reviewJson } from "../../server/live/review/exports";
import type { SessionReview } from "../../server/live/review/types";
import type { HostView } from "../../server/live/views/types";
import { expectedCsv, HEADERS } from "../fixtures/review-record/exports";
import { expectedAnswers, expectedLedger, expectedPeople, expectedPolls, expectedQuiz, expectedRounds, expectedStandings, expectedVotes, PERSUASION } from "../fixtures/review-record/review";
import {
  AFTER_VOTES,
  BEFORE_VOTES,
  CHALLENGES,
  CLOUD_HIDDEN,
  CLOUD_PROMPT,
  CLOUD_VOTES,
  FIRST_DRAFT,
  JUDGE,
  NAMES,
  PEER_VOTES,
  PLAN,
  QUIZ,
  REMOVED,
  SEATING,
  SIDE_NAMES,
  SPEECHES,
  type ChallengeKey,
  type Name,
  type Run,
  type SpeechKey,
} from "../fixtures/review-record/session";
import { signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, rubricScores, seatStudents, snapshotOf, startRound, type Seat } from "../support/debate";
import { backends, durableDatabase, startServer, type TestServer } from "../support/server";

const SECRET = "r".repeat(40);

describe.each(backends)("the review of a whole session on %s", (backend) => {
  let storage: Awaited<ReturnType<typeof durableDatabase>>;
  let server: TestServer;
  let teacherId: string;
  let sessionId: string;
  let code: string;
  let run: Run;
  let review: SessionReview;
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    storage = await durableDatabase(backend);
    server = await startServer(backend, { database: storage.options, secret: SECRET });
    const teacher = await signUpTeacher(server.url, JUDGE);
    [{ id: teacherId }] = await server.database.db.select({ id: teachers.id }).from(teachers).where(eq(teachers.email, teacher.email));
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, PLAN);
    ({ id: sessionId, code } = session);
    const host = await open(server.url, { role: "host", sessionId }, teacher.cookie);
    const seats = (await seatStudents(server, host, session.code, SEATING, open)) as Record<Name, Seat>;
    const socket = (who: Name) => seats[who].socket;
    await must(host, "settings:update", { quizSpeed: false });
    const rounds: string[] = [];
    const startPollRound = async (index: number) => {
      const round = await startRound(host, index);
      rounds[index] = round.id;
      return (await snapshotOf<HostView>(host)).polls.current!.id;
    };
    const pollVotes = async (pollId: string, votes: [Name, number][]) => {
      for (const [who, choice] of votes) await must(socket(who), "poll:vote", { pollId, choices: [choice] });
    };

    // ---- The motion before the debate.
    const before = await startPollRound(0);
    await pollVotes(before, BEFORE_VOTES);
    await must(host, "round:end", { roundId: rounds[0] });

    // ---- Two speaking rounds: speeches, then (closed) ballots, the reveal, peer votes and challenges.
    const speeches = {} as Record<SpeechKey, string>;
    const challenges = {} as Record<ChallengeKey, string>;
    const say = async (who: Name, roundId: string, body: string, cardIds: string[]) =>
      (await must(socket(who), "argument:submit", { roundId, clientId: randomUUID(), body, cardIds })).id;
    for (const round of [1, 2] as const) {
      rounds[round] = (await startRound(host, round)).id;
      for (const s of SPEECHES.filter((x) => x.round === round)) {
        if (s.key === FIRST_DRAFT.key) await say(s.who, rounds[round], FIRST_DRAFT.body, s.cards);
        speeches[s.key] = await say(s.who, rounds[round], s.body, s.cards);
      }
      await must(host, "round:end", { roundId: rounds[round] });
      if (round === 1) await must(host, "ballot:submit", { argumentId: speeches.aR1, scores: rubricScores([4, 4, 4, 4]), comment: "First look." });
      for (const s of SPEECHES.filter((x) => x.round === round && x.ballot))
        expect((await must(host, "ballot:submit", { argumentId: speeches[s.key], scores: rubricScores(s.ballot!.scores), comment: s.ballot!.comment })).points).toBe(s.ballot!.points);
      await must(host, "round:reveal", { roundId: rounds[round] });
      for (const v of PEER_VOTES.filter((x) => x.round === round)) await must(socket(v.voter), "vote:cast", { roundId: rounds[round], argumentId: speeches[v.speech] });
      for (const c of CHALLENGES.filter((x) => SPEECHES.find((s) => s.key === x.speech)!.round === round)) {
        challenges[c.key] = (await must(socket(c.by), "challenge:open", { argumentId: speeches[c.speech], cardId: c.card, reason: c.reason })).id;
        if (c.ruling) await must(host, "challenge:rule", { challengeId: challenges[c.key], ...c.ruling });
      }
    }

    // ---- A word cloud, anonymous; the teacher hides one entry.
    const { pollId: cloud } = await must(host, "poll:start", { custom: { kind: "text", prompt: CLOUD_PROMPT }, anonymous: true });
    for (const [who, text] of CLOUD_VOTES) await must(socket(who), "poll:vote", { pollId: cloud, text });
    await must(host, "poll:hideEntry", { pollId: cloud, entry: CLOUD_HIDDEN, hidden: true });
    await must(host, "poll:close", { pollId: cloud });

    // ---- Five quiz questions picked from the bank.
    const questions: string[] = [];
    for (const step of QUIZ) {
      const { questionId } = await must(host, "quiz:ask", { itemId: step.itemId, ...(step.multiplier === undefined ? {} : { multiplier: step.multiplier }) });
      questions.push(questionId);
      for (const a of step.answers) await must(socket(a.who), "quiz:answer", { questionId, ...a.answer });
      await must(host, "quiz:close", { questionId });
    }

    // ---- The motion after the debate, shown to the class (audience points count from then).
    const after = await startPollRound(3);
    await pollVotes(after, AFTER_VOTES);
    await must(host, "round:end", { roundId: rounds[3] });
    await must(host, "poll:reveal", { pollId: after });

    // ---- Gech is removed after taking part, and the session ends.
    await must(host, "lobby:removeParticipant", { participantId: seats[REMOVED].id });
    await must(host, "session:end", {});

    run = {
      people: Object.fromEntries(NAMES.map((n) => [n, seats[n].id])) as Record<Name, string>,
      rounds,
      speeches,
      challenges,
      polls: { before, cloud, after },
      questions,
    };
    review = await server.rostrum.live.sessionReview(teacherId, sessionId);
  }, 180_000);

  afterAll(async () => {
    closeAll();
    await server?.close();
    await storage?.drop();
  });

  /** The stored answer rows of the session's questions. */
  const answerRows = () => server.database.db.select().from(quizAnswers).where(inArray(quizAnswers.questionId, run.questions));

  it("holds the session, everyone who sat in join order, and every round with its speeches, ballots, votes and challenges", () => {
    expect(review.session).toEqual({
      id: sessionId,
      code,
      status: "ended",
      createdAt: expect.any(Number),
      endedAt: expect.any(Number),
      capacity: 60,
      settings: { argumentsLive: false, scoreboard: "hidden", quizSpeed: false, quizStreak: true, pollFilter: true },
    });
    expect(review.scenario).toMatchObject({ id: "conditioned-engagement", version: 1, sides: Object.entries(SIDE_NAMES).map(([id, name]) => expect.objectContaining({ id, name })) });
    expect(review.scenario.rubric.map((c) => [c.id, c.weight])).toEqual([["argument", 3], ["evidence", 3], ["rebuttal", 2], ["delivery", 2]]);
    expect(review.anonymous).toBe(false);
    expect(review.people).toEqual(expectedPeople(run));
    expect(review.rounds).toEqual(expectedRounds(run));
    // Times in the order things happened.
    const times = review.rounds.flatMap((r) => [r.startedAt, r.closedAt!]);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(review.session.createdAt).toBeLessThanOrEqual(times[0]);
    expect(review.session.endedAt!).toBeGreaterThanOrEqual(times.at(-1)!);
  });

  it("gives exactly the standings worked out by hand, each total the sum of its ledger entries", () => {
    expect({ sides: review.standings.sides, individuals: review.standings.individuals }).toEqual(expectedStandings(run));
    const key = (e: object) => JSON.stringify(e);
    expect(review.standings.ledger.map(key).sort()).toEqual(expectedLedger(run).map(key).sort());
    for (const side of review.standings.sides) expect(review.standings.ledger.filter((e) => e.sideId === side.id).reduce((n, e) => n + e.points, 0), side.name).toBe(side.total);
    for (const person of review.standings.individuals)
      expect(review.standings.ledger.filter((e) => e.participantId === person.id).reduce((n, e) => n + e.points, 0), person.name).toBe(person.total);
  });

  it("analyses the quiz hardest first over the students still seated, with every stored answer and its points", async () => {
    const rows = await answerRows();
    const seated = new Set(review.people.filter((p) => !p.removed).map((p) => p.id));
    const averageMs = (position: number) => {
      const counted = rows.filter((r) => r.questionId === run.questions[position - 1] && seated.has(r.participantId));
      return Math.round(counted.reduce((n, r) => n + r.elapsedMs, 0) / counted.length);
    };
    expect(review.quiz).toEqual(expectedQuiz(run, averageMs));
    const elapsed = (questionId: string, participantId: string) => rows.find((r) => r.questionId === questionId && r.participantId === participantId)!.elapsedMs;
    expect(review.answers).toEqual(expectedAnswers(run, elapsed));
    // Speed scoring was off, so no points depend on time; an answer's time is under the 20 s limit.
    expect(rows.every((r) => r.elapsedMs >= 0 && r.elapsedMs < 20_000)).toBe(true);
  });

  it("counts the polls over the students still seated: the word cloud without its hidden entry, and the persuasion result", () => {
    const polls = expectedPolls(run);
    expect(review.polls).toEqual(polls);
    expect(review.motion).toEqual({ before: polls[0], after: polls[2], persuasion: PERSUASION });
    expect(review.votes).toEqual(expectedVotes(run));
    expect(JSON.stringify(review.polls)).not.toMatch(/boring/i);
  });

  it("exports exactly the rows worked out by hand, in Excel's form, and the whole review as JSON", async () => {
    const db = server.database.db;
    const [argumentRows, voteRows, rows] = await Promise.all([
      db.select().from(debateArguments).where(eq(debateArguments.sessionId, sessionId)),
      db.select().from(pollVoteRows).where(inArray(pollVoteRows.pollId, Object.values(run.polls))),
      answerRows(),
    ]);
    const expected = expectedCsv(run, {
      argumentAt: (id) => argumentRows.find((a) => a.id === id)!.createdAt.toISOString(),
      votedAt: (pollId, participantId) => voteRows.find((v) => v.pollId === pollId && v.participantId === participantId)!.updatedAt.toISOString(),
      responseMs: (questionId, participantId) => rows.find((r) => r.questionId === questionId && r.participantId === participantId)!.elapsedMs,
    });
    for (const file of CSV_FILES) {
      const text = reviewCsv(review, file);
      expect(text.startsWith("\uFEFF"), file).toBe(true);
      expect(text.split("\r\n").at(-1), file).toBe("");
      expect(text.replace(/\r\n/g, ""), file).not.toMatch(/[\r\n]/);
      const [header, ...cells] = parse(text, { bom: true }) as string[][];
      expect(header, file).toEqual(HEADERS[file]);
      expect(cells, file).toEqual(expected[file]);
    }
    // A negative number stays a number; only text that starts like a formula is made inert.
    expect(reviewCsv(review, "standings.csv")).toContain(",-30,");
    const json = JSON.parse(reviewJson(review));
    expect(json).toEqual({ format: "rostrum-session", formatVersion: 1, exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), review: JSON.parse(JSON.stringify(review)) });
  });

  it("names no student when anonymised: labels in join order everywhere a name was", async () => {
    const anonymous = await server.rostrum.live.sessionReview(teacherId, sessionId, { anonymous: true });
    expect(anonymous.anonymous).toBe(true);
    expect(anonymous.people).toEqual(review.people.map((p, i) => ({ ...p, name: `Student ${i + 1}` })));
    const text = JSON.stringify(anonymous);
    const files = CSV_FILES.map((file) => reviewCsv(anonymous, file)).join("\n");
    for (const name of NAMES) {
      expect(text, name).not.toContain(name);
      expect(files, name).not.toContain(name);
    }
    const label = new Map(anonymous.people.map((p) => [p.id, p.name]));
    expect(anonymous.standings.individuals.map((s) => s.name)).toEqual(review.standings.individuals.map((s) => label.get(s.id)));
    const speeches = anonymous.rounds.flatMap((r) => r.speeches);
    expect(speeches.map((a) => a.author)).toEqual(speeches.map((a) => label.get(a.participantId)));
    expect(speeches.flatMap((a) => a.challenges.map((c) => c.challenger))).toEqual(speeches.flatMap((a) => a.challenges.map((c) => label.get(c.challengerId))));
    // The entry the teacher hid (it may name a classmate) is left out of a review made to be shown.
    const hiddenVotes = (r: SessionReview) => r.votes.filter((v) => v.hidden).map((v) => v.answerText);
    expect(hiddenVotes(review).map((t) => t.toLowerCase())).toEqual([CLOUD_HIDDEN]);
    expect(hiddenVotes(anonymous)).toEqual([""]);
    // Nothing else changes.
    const named = (r: SessionReview) => JSON.parse(JSON.stringify({ ...r, anonymous: null, people: null, rounds: null, votes: r.votes.filter((v) => !v.hidden), standings: r.standings.sides }));
    expect(named(anonymous)).toEqual(named(review));
  });

  it("is the same review, from the database alone, after a restart", { timeout: 60_000 }, async () => {
    closeAll();
    await server.close();
    server = await startServer(backend, { database: storage.options, secret: SECRET });
    const again = await server.rostrum.live.sessionReview(teacherId, sessionId);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(review)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(review));
  });
});
