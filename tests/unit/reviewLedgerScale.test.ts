// The review page's standings for a class of 2,000: every row's ledger in words (what
// StandingsLedger renders, on the server and again when hydrating) must not grow with the square
// of the class.
import { describe, expect, it } from "vitest";
import { ledgerOf } from "../../app/lib/reviewLedger";
import type { PointEntry } from "../../server/live/scoring/debate";
import type { ReviewAnswer, ReviewArgument, SessionReview } from "../../server/live/review/types";

const STUDENTS = 2000;
const QUESTIONS = 20;
const sides = ["a", "b", "c", "d"].map((id) => ({ id, name: `Side ${id}`, stance: "for" as const }));

function bigReview(): SessionReview {
  const people = Array.from({ length: STUDENTS }, (_, i) => ({ id: `p${i}`, name: `Student ${i + 1}`, sideId: sides[i % 4].id, removed: false }));
  const speeches: ReviewArgument[] = people.map((p, i) => ({
    id: `a${i}`, roundId: "r1", participantId: p.id, author: p.name, sideId: p.sideId!, kind: "argument", body: "x", cards: [], targetSideId: null, replyTo: null,
    createdAt: i, ballots: [{ judge: "T", scores: {}, comment: "", points: 50 }], rubricPoints: 50, peerVotes: 1, challenges: [],
  }));
  const answers: ReviewAnswer[] = [];
  for (let q = 0; q < QUESTIONS; q++)
    for (const p of people) answers.push({ questionId: `q${q}`, position: q + 1, participantId: p.id, sideId: p.sideId, answer: { choices: [0] }, answerText: "A", credit: 1, correct: true, elapsedMs: 1000, points: 800, streak: 1 });
  const ledger: PointEntry[] = [
    ...speeches.map((a): PointEntry => ({ participantId: a.participantId, sideId: a.sideId, part: "rubric", points: 50, origin: { kind: "rubric", argumentId: a.id } })),
    ...speeches.map((a): PointEntry => ({ participantId: a.participantId, sideId: a.sideId, part: "peerVotes", points: 10, origin: { kind: "peerVotes", argumentId: a.id, votes: 1 } })),
    ...people.map((p): PointEntry => ({ participantId: p.id, sideId: null, part: "quiz", points: 1600, origin: { kind: "quiz", quizPoints: 16000 } })),
    ...sides.map((s): PointEntry => ({ participantId: null, sideId: s.id, part: "quiz", points: 1600, origin: { kind: "quiz", quizPoints: 16000, earned: 8_000_000, members: 500 } })),
  ];
  return {
    session: { id: "s", code: "ABC234", status: "ended", createdAt: 0, endedAt: 1, capacity: STUDENTS, settings: { argumentsLive: false, scoreboard: "sides", quizSpeed: true, quizStreak: true, pollFilter: true } },
    scenario: { id: "x", version: 1, title: "T", motion: "M", sides, rubric: [] },
    anonymous: false,
    people,
    rounds: [{ id: "r1", index: 0, kind: "speech" as never, title: "Opening", sides: [], status: "closed", startedAt: 0, closedAt: 1, speeches, threads: [], peerVoters: STUDENTS }],
    motion: { before: null, after: null, persuasion: null },
    polls: [],
    quiz: [],
    answers,
    votes: [],
    standings: { sides: [], individuals: [], ledger },
  };
}

describe("the standings' ledgers for 2,000 students", () => {
  it("are worked out in well under a second (StandingsLedger indexes the review once, then asks once per row)", () => {
    const review = bigReview();
    const started = performance.now();
    const linesOf = ledgerOf(review);
    for (const p of review.people) linesOf({ participantId: p.id });
    for (const s of sides) linesOf({ sideId: s.id });
    const ms = performance.now() - started;
    console.log(`ledger lines for ${STUDENTS} students + 4 sides: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});
