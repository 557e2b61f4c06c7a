// A 2,000-student session's review built from an in-memory record (rows shaped as the database
// returns them): how long the server takes, and how big the teacher page's loader data is.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadBundledContent } from "../../content/load";
import { packScenario } from "../../content/schema";
import { buildReview } from "../../server/live/review/build";
import { reviewPage } from "../../server/live/review/page";
import type { SessionRecord } from "../../server/live/review/read";
import { buildStudentReview } from "../../server/live/review/student";

const STUDENTS = 2000;
const bundled = await loadBundledContent();
const scenario = packScenario(bundled.scenarios.find((s) => s.scenario.id === "conditioned-engagement")!.scenario, bundled.sources);

function bigRecord(): SessionRecord {
  const t = (n: number) => new Date(Date.UTC(2026, 0, 1) + n);
  const sessionId = randomUUID();
  const seats = Array.from({ length: STUDENTS }, (_, i) => ({ id: randomUUID(), displayName: `Student name ${i}`, sideId: scenario.sides[i % scenario.sides.length].id, removedAt: null }));
  const plan = scenario.rounds;
  const speechIndexes = plan.map((r, i) => [r, i] as const).filter(([r]) => r.kind === "opening" || r.kind === "rebuttal").map(([, i]) => i);
  const rounds = speechIndexes.map((planIndex, i) => ({ id: randomUUID(), sessionId, planIndex, status: "closed", startedAt: t(i * 1000), closedAt: t(i * 1000 + 500) }));
  const args = rounds.flatMap((r) => seats.map((s, i) => ({ id: randomUUID(), sessionId, roundId: r.id, participantId: s.id, sideId: s.sideId, kind: "argument", body: "A speech of a few words.", cardIds: [], targetSideId: null, replyTo: null, clientId: randomUUID(), createdAt: t(i) })));
  const judge = randomUUID();
  const rubricIds = scenario.rubric.map((c) => c.id);
  const ballots = args.map((a) => ({ id: randomUUID(), argumentId: a.id, judgeId: judge, scores: Object.fromEntries(rubricIds.map((id) => [id, 3])), comment: "Good.", updatedAt: t(1) }));
  const votes = rounds.flatMap((r) => seats.map((s, i) => ({ id: randomUUID(), roundId: r.id, voterId: s.id, argumentId: args[(i + 1) % args.length].id, createdAt: t(i) })));
  const questions = scenario.quiz.slice(0, 20).map((item, i) => ({ id: randomUUID(), sessionId, itemId: item.id, position: i + 1, status: "closed", multiplier: 1, openedAt: t(i), endsAt: t(i + 1), closedAt: t(i + 1) }));
  const answers = questions.flatMap((q) => {
    const item = scenario.quiz.find((x) => x.id === q.itemId)!;
    return seats.map((s, i) => ({ questionId: q.id, participantId: s.id, sideId: s.sideId, answer: item.kind === "numeric" ? { number: i % 50 } : { choices: [i % 2] }, credit: i % 2, elapsedMs: 1000 + i, points: (i % 2) * 800, streak: 1, createdAt: t(i) }));
  });
  const polls = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), sessionId, kind: "choice", prompt: "Which?", options: ["A", "B", "C"], phase: null, anonymous: false, results: "live", status: "closed", hiddenEntries: [], roundId: null, openedAt: t(i), closedAt: t(i + 1), revealedAt: null }));
  const pollVotes = polls.flatMap((p) => seats.map((s, i) => ({ pollId: p.id, participantId: s.id, choices: [i % 3], text: null, updatedAt: t(i) })));
  return {
    session: { id: sessionId, code: "ABC234", teacherId: judge, scenarioVersionId: 1, status: "ended", sidesLocked: true, capacity: STUDENTS, roundPlan: plan, argumentsLive: false, scoreboard: "sides", quizSpeed: true, quizStreak: true, pollFilter: true, version: 1, createdAt: t(0), endedAt: t(10_000) },
    scenario,
    scenarioVersion: 1,
    seats,
    rounds,
    arguments: args,
    ballots,
    judges: new Map([[judge, "Ms T"]]),
    votes,
    challenges: [],
    polls,
    pollVotes,
    questions,
    answers,
  } as unknown as SessionRecord;
}

describe("a 2,000-student session's review", () => {
  const record = bigRecord();
  it("builds the teacher's review quickly, and its loader data stays small enough for a page", () => {
    const started = performance.now();
    const review = buildReview(record);
    const ms = performance.now() - started;
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    // The loader sends reviewPage(review): the whole review less every answer and vote, which stay in the exports.
    const loaderData = reviewPage(review);
    console.log(`buildReview: ${Math.round(ms)} ms; whole review ${(bytes(review) / 1e6).toFixed(1)} MB (answers ${(bytes(review.answers) / 1e6).toFixed(1)} MB, votes ${(bytes(review.votes) / 1e6).toFixed(1)} MB); loader JSON ${(bytes(loaderData) / 1e6).toFixed(1)} MB`);
    // Not a timing test (the figure is printed): a bound 40 times the quiet machine's ~250 ms
    // catches a cost that grows with the class squared, not a busy machine (1.8 s in one CI run).
    expect(ms).toBeLessThan(10_000);
    expect(bytes(loaderData)).toBeLessThan(5e6);
  });
  // Each cut reads only its student's items, indexed once per shared review: a scan per student
  // made 2,000 cuts take 8 s alone and 18 s beside the rest of the suite.
  it("cuts 2,000 students' own reviews from one shared review (time reported)", () => {
    const review = buildReview(record);
    const started = performance.now();
    for (const seat of record.seats) buildStudentReview(record, review, seat);
    const ms = performance.now() - started;
    console.log(`2,000 student reviews from one shared review: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});
