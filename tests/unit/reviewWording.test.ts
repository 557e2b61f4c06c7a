// The review page's words: times and durations, shares correct, how well a fact was known, the
// flow graph, shared ranks, and every ledger entry in words. The ledger here is built by the same
// scoring functions the review uses, so "the lines add up to the total" is checked against the
// standings those functions give.
import { describe, expect, it } from "vitest";
import { defaultRubric } from "../../content/schema";
import { competitionRanks } from "../../server/live/scoring/ranks";
import { correctLine, dateText, durationText, exportUrl, flowGraph, masteryOf, percentText, reviewUrl, secondsText, spanText, timeText } from "../../app/lib/review";
import { ledgerOf, ledgerSum, roundName } from "../../app/lib/reviewLedger";
import type { ReviewArgument, SessionReview } from "../../server/live/review/types";
import { pointsLedger, standingsOf, type DebateRecord } from "../../server/live/scoring/debate";
import { audiencePoints, persuasion } from "../../server/live/scoring/persuasion";
import { quizStandings } from "../../server/live/scoring/quiz";
import type { Persuasion, Stance3 } from "../../server/live/views/types";

const at = Date.UTC(2026, 10, 24, 13, 5, 0);

describe("times", () => {
  it("writes clock times and dates, marking UTC where the reader's zone is not known yet", () => {
    expect(timeText(at, "UTC")).toBe("13:05 UTC");
    expect(timeText(at, "Asia/Phnom_Penh")).toBe("20:05");
    expect(dateText(at, "UTC")).toBe("Tuesday 24 November 2026");
    // Past midnight in Phnom Penh it is already the next day.
    expect(dateText(Date.UTC(2026, 10, 24, 18, 0), "Asia/Phnom_Penh")).toBe("Wednesday 25 November 2026");
  });

  it("writes durations to the second under an hour", () => {
    expect(durationText(0)).toBe("0 s");
    expect(durationText(44_600)).toBe("45 s");
    expect(durationText(270_000)).toBe("4 min 30 s");
    expect(durationText(12 * 60_000)).toBe("12 min");
    expect(durationText(65 * 60_000)).toBe("1 h 5 min");
    expect(durationText(2 * 3_600_000)).toBe("2 h");
  });

  it("writes a span with its length, or that it is still running", () => {
    expect(spanText(at, at + 27 * 60_000, "UTC")).toBe("13:05–13:32 UTC (27 min)");
    expect(spanText(at, null, "UTC")).toBe("from 13:05 UTC, still running");
    expect(secondsText(12_449)).toBe("12.4 s");
    expect(secondsText(400)).toBe("0.4 s");
    expect(secondsText(20_000)).toBe("20 s");
  });
});

describe("quiz shares", () => {
  it("writes a share correct with its counts, and a dash with no answers", () => {
    expect(percentText(3 / 8)).toBe("38%");
    expect(percentText(null)).toBe("–");
    expect(correctLine({ answered: 8, correct: 3, shareCorrect: 3 / 8 })).toBe("3 of 8 answered correctly (38%)");
    expect(correctLine({ answered: 0, correct: 0, shareCorrect: null })).toBe("No one answered");
  });

  it("says how well a fact was known with a symbol and words: under half missed by most, under four in five by some", () => {
    expect(masteryOf(0.49)).toMatchObject({ symbol: "✗", tone: "missed", text: "Missed by most of the class" });
    expect(masteryOf(0.5)).toMatchObject({ symbol: "◐", tone: "mixed" });
    expect(masteryOf(0.79)).toMatchObject({ tone: "mixed" });
    expect(masteryOf(0.8)).toMatchObject({ symbol: "✓", tone: "known" });
    expect(masteryOf(null)).toMatchObject({ tone: "none" });
  });
});

describe("addresses and ranks", () => {
  it("keeps anonymous labels in the review's and the exports' addresses", () => {
    expect(reviewUrl("s1", false)).toBe("/teacher/sessions/s1/review");
    expect(reviewUrl("s1", true)).toBe("/teacher/sessions/s1/review?names=anonymous");
    expect(exportUrl("s1", "ballots.csv", true)).toBe("/teacher/sessions/s1/export/ballots.csv?names=anonymous");
  });

  it("shares a rank between equal totals and skips the next", () => {
    const same = (n: number) => n;
    expect(competitionRanks([215, 215, 100, 0], same)).toEqual([1, 1, 3, 4]);
    expect(competitionRanks([], same)).toEqual([]);
  });
});

describe("the flow of motion votes", () => {
  it("has a node per stance someone moved from or to and a link per move with students in it", () => {
    const flow = (moves: Partial<Record<`${Stance3}>${Stance3}`, number>>): Pick<Persuasion, "flow"> => ({
      flow: (["for", "against", "undecided"] as const).flatMap((from) => (["for", "against", "undecided"] as const).map((to) => ({ from, to, count: moves[`${from}>${to}`] ?? 0 }))),
    });
    const graph = flowGraph(flow({ "for>for": 1, "against>for": 2, "undecided>for": 1, "against>against": 1 }));
    expect(graph.nodes.map((n) => [n.id, n.count])).toEqual([
      ["before-for", 1],
      ["before-against", 3],
      ["before-undecided", 1],
      ["after-for", 4],
      ["after-against", 1],
    ]);
    expect(graph.links.map((l) => [l.source, l.target, l.value])).toEqual([
      ["before-for", "after-for", 1],
      ["before-against", "after-for", 2],
      ["before-against", "after-against", 1],
      ["before-undecided", "after-for", 1],
    ]);
    expect(flowGraph(flow({}))).toEqual({ nodes: [], links: [] });
  });
});

// ---- a small review: Ana (government, for the motion) and Ben (opposition, against), Chea
// (government) removed; the US side is mixed.
const SIDES = [
  { id: "gov", name: "Government", stance: "for" as const },
  { id: "opp", name: "Opposition", stance: "against" as const },
  { id: "us", name: "United States", stance: "mixed" as const },
];
const people = [
  { id: "ana", name: "Ana", sideId: "gov", removed: false },
  { id: "ben", name: "Ben", sideId: "opp", removed: false },
  { id: "chea", name: "Chea", sideId: "gov", removed: true },
];
const all = (n: number) => ({ argument: n, evidence: n, rebuttal: n, delivery: n });
const said = (id: string, participantId: string, sideId: string, kind: ReviewArgument["kind"], ballots: number[] = []): ReviewArgument => ({
  id,
  roundId: kind === "argument" ? "r1" : "r2",
  participantId,
  author: people.find((p) => p.id === participantId)!.name,
  sideId,
  kind,
  body: "…",
  cards: [],
  targetSideId: null,
  replyTo: null,
  createdAt: at,
  ballots: ballots.map((n) => ({ judge: "Ms T", scores: all(n), comment: "", points: n * 20 })),
  rubricPoints: 0,
  peerVotes: 0,
  challenges: [],
});
const speechAna = said("a1", "ana", "gov", "argument", [4]);
const speechBen = said("a2", "ben", "opp", "argument");
const question = said("q1", "ben", "opp", "question", [5]);
const answer = said("a3", "chea", "gov", "answer", [3]);
speechAna.challenges = [{ id: "c1", argumentId: "a1", cardId: "k", challengerId: "ben", challenger: "Ben", challengerSideId: "opp", reason: "No.", status: "upheld", ruling: "Right.", ruledAt: at }];
speechBen.challenges = [{ id: "c2", argumentId: "a2", cardId: "k", challengerId: "ana", challenger: "Ana", challengerSideId: "gov", reason: "No.", status: "rejected", ruling: "Wrong.", ruledAt: at }];

// Quiz: Ana 3,420 for the government, Chea 1,000 for it before her removal, Ben 500 and an open answer.
const answers = [
  { participantId: "ana", sideId: "gov", points: 3420 },
  { participantId: "chea", sideId: "gov", points: 1000 },
  { participantId: "ben", sideId: "opp", points: 500 },
  { participantId: "ben", sideId: "opp", points: null },
];
const stances = (entries: [string, Stance3][]) => new Map(entries);
const result = persuasion(stances([["ana", "against"], ["ben", "against"]]), stances([["ana", "for"], ["ben", "against"]]))!;

function review(shown: Persuasion | null): SessionReview {
  const seated = people.filter((p) => !p.removed);
  const scored = answers.flatMap((a) => (a.points === null ? [] : [{ ...a, points: a.points }]));
  const record: DebateRecord = {
    sides: SIDES,
    participants: seated.map((p) => ({ id: p.id, name: p.name, sideId: p.sideId })),
    arguments: [speechAna, speechBen, question, answer].map((a) => ({ id: a.id, participantId: a.participantId, sideId: a.sideId, ballots: a.ballots.map((b) => b.scores) })),
    votes: [
      { voterId: "ben", argumentId: "a1" },
      { voterId: "chea", argumentId: "a1" },
    ],
    challenges: [...speechAna.challenges, ...speechBen.challenges].map((c) => ({ id: c.id, challengerId: c.challengerId, challengerSideId: c.challengerSideId, argumentId: c.argumentId, status: c.status })),
    quiz: quizStandings(SIDES, seated.map((p) => ({ participantId: p.id, sideId: p.sideId })), scored),
    audience: audiencePoints(shown, SIDES),
  };
  const ledger = pointsLedger(defaultRubric, record);
  const base = {
    session: { id: "s", code: "ABCDEF", status: "ended", createdAt: at, endedAt: at, capacity: 30, settings: {} },
    scenario: { id: "x", version: 1, title: "T", motion: "M", sides: SIDES, rubric: defaultRubric },
    anonymous: false,
    people,
    rounds: [
      { id: "r1", index: 2, kind: "opening", title: "Opening", sides: [], status: "closed", startedAt: at, closedAt: at, speeches: [speechAna, speechBen], threads: [], peerVoters: 2 },
      { id: "r2", index: 4, kind: "crossfire", title: "Crossfire", sides: [], status: "closed", startedAt: at, closedAt: at, speeches: [], threads: [{ question, answers: [answer] }], peerVoters: 0 },
    ],
    motion: { before: null, after: null, persuasion: result },
    polls: [],
    quiz: [],
    answers: answers.map((a) => ({ ...a, questionId: "q", position: 1, answer: { choices: [0] }, answerText: "", credit: 1, correct: true, elapsedMs: 1000, streak: 1 })),
    votes: [],
    standings: { ...standingsOf(record, ledger), ledger },
  };
  return base as unknown as SessionReview;
}

describe("the ledger in words", () => {
  const r = review(result);
  const linesOf = ledgerOf(r);
  const lines = (owner: { participantId: string } | { sideId: string }) => linesOf(owner).map((l) => [l.text, l.points]);

  it("names each of a student's points by where it came from", () => {
    expect(roundName({ index: 2, title: "Opening" })).toBe("Round 3 “Opening”");
    expect(lines({ participantId: "ana" })).toEqual([
      ["Rubric: their speech in Round 3 “Opening”", 80],
      ["Peer votes: 2 × 10 on their speech in Round 3 “Opening”", 20],
      ["Challenge upheld against their speech in Round 3 “Opening” (challenged by Ben)", -30],
      ["Challenge rejected: their challenge to Ben's speech in Round 3 “Opening”", -5],
      ["Quiz: 3,420 quiz points ÷ 10", 342],
    ]);
    expect(lines({ participantId: "ben" })).toEqual([
      ["Rubric: their speech in Round 3 “Opening” (not scored)", 0],
      ["Rubric: their question in Round 5 “Crossfire”", 100],
      ["Challenge upheld: their challenge to Ana's speech in Round 3 “Opening”", 15],
      ["Quiz: 500 quiz points ÷ 10", 50],
    ]);
  });

  it("names whose points a side's are, its quiz average and its audience points", () => {
    expect(lines({ sideId: "gov" })).toEqual([
      ["Rubric: Ana's speech in Round 3 “Opening”", 80],
      ["Rubric: Chea's answer in Round 5 “Crossfire”", 60],
      ["Peer votes: 2 × 10 on Ana's speech in Round 3 “Opening”", 20],
      ["Challenge upheld against Ana's speech in Round 3 “Opening” (challenged by Ben)", -30],
      ["Challenge rejected: Ana's challenge to Ben's speech in Round 3 “Opening”", -5],
      // Chea's 1,000 still count for the side, divided by the one student it has now.
      ["Quiz: 4,420 quiz points earned for the side ÷ 1 student = 4,420 on average, ÷ 10", 442],
      ["Audience: For the motion won the room (+50 points), and this side argues for the motion", 100],
    ]);
    expect(lines({ sideId: "opp" }).slice(-1)).toEqual([["Audience: For the motion won the room (+50 points); this side argues against the motion", 0]]);
    expect(lines({ sideId: "us" })).toEqual([
      ["Quiz: 0 quiz points earned for the side ÷ 1 (it has no students now) = 0 on average, ÷ 10", 0],
      ["Audience: For the motion won the room (+50 points); this side is neither for nor against the motion", 0],
    ]);
  });

  it("adds up to every total the standings show", () => {
    for (const side of r.standings.sides) expect(ledgerSum(linesOf({ sideId: side.id }))).toBe(side.total);
    for (const person of r.standings.individuals) expect(ledgerSum(linesOf({ participantId: person.id }))).toBe(person.total);
    expect(r.standings.individuals.map((p) => p.id)).toEqual(["ana", "ben"]);
    // A removed student's entries are still in the ledger; the page lists only seated students.
    expect(lines({ participantId: "chea" })).toEqual([
      ["Rubric: their answer in Round 5 “Crossfire”", 60],
      ["Quiz: 1,000 quiz points ÷ 10", 100],
    ]);
  });

  it("says why a side got no audience points: no result, a tie, or a result the class was not shown", () => {
    const hidden = review(null);
    expect(ledgerOf(hidden)({ sideId: "gov" }).at(-1)).toEqual({ text: "Audience: For the motion won the room (+50 points), but the class was not shown the result, so it earns nothing (worth 100 once shown)", points: 0 });
    const none = { ...hidden, motion: { ...hidden.motion, persuasion: null } };
    expect(ledgerOf(none)({ sideId: "gov" }).at(-1)?.text).toBe("Audience: no result (the motion was not polled both before and after)");
    const tie = { ...hidden, motion: { ...hidden.motion, persuasion: { ...result, winner: "tie" as const } } };
    expect(ledgerOf(tie)({ sideId: "gov" }).at(-1)?.text).toBe("Audience: the room's vote was a tie, so no side gains");
  });

  it("words a mixed side's audience points by the way it leans", () => {
    const leaning = (leans: "for" | "against", r: SessionReview) => ({
      ...r,
      scenario: { ...r.scenario, sides: r.scenario.sides.map((s) => (s.id === "us" ? { ...s, leans } : s)) },
    });
    expect(ledgerOf(leaning("for", review(null)))({ sideId: "us" }).at(-1)?.text).toBe(
      "Audience: For the motion won the room (+50 points), but the class was not shown the result, so it earns nothing (worth 100 once shown)",
    );
    expect(ledgerOf(leaning("against", review(result)))({ sideId: "us" }).at(-1)?.text).toBe(
      "Audience: For the motion won the room (+50 points); this side argues against the motion",
    );
  });
});
