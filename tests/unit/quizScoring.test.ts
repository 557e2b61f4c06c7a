// Quiz points as a student sees them after each question: the numbers are worked out by hand
// from the rules in README.md "Scoring", so a change to a rule shows up as a changed expectation.
import { describe, expect, it } from "vitest";
import { type QuizItem, quizItemSchema } from "../../content/schema";
import {
  basePoints,
  checkQuizAnswer,
  QUIZ_POINTS,
  QUIZ_STANDINGS_DIVISOR,
  quizCredit,
  quizDistribution,
  quizKey,
  quizOptions,
  quizStandings,
  quizTotals,
  rankLeaders,
  scoreQuestion,
  sideQuizTotals,
  streakAfter,
  streakBonus,
} from "../../server/live/scoring/quiz";

const base = { prompt: "Q?", skill: "recall" as const, explanation: "Because.", source: "a-source" };
const single = quizItemSchema.parse({ ...base, id: "single", kind: "single", options: ["Red", "Green", "Blue"], answer: "Green" });
/** Two right options of four. */
const multiple = quizItemSchema.parse({ ...base, id: "multi", kind: "multiple", options: ["A", "B", "C", "D"], answer: ["C", "A"] });
const trueFalse = quizItemSchema.parse({ ...base, id: "tf", kind: "truefalse", answer: false });
const numeric = quizItemSchema.parse({ ...base, id: "num", kind: "numeric", answer: 42, tolerance: 2, unit: "km" });
const exact = quizItemSchema.parse({ ...base, id: "exact", kind: "numeric", answer: 1500 });
const decimal = quizItemSchema.parse({ ...base, id: "dec", kind: "numeric", answer: 0.3, tolerance: 0.1 });

const choices = (...c: number[]) => ({ choices: c });

describe("options and key", () => {
  it("gives the options students see and the right answer as indexes into them", () => {
    expect(quizOptions(single)).toEqual(["Red", "Green", "Blue"]);
    expect(quizKey(single)).toEqual({ choices: [1] });
    // In the options' order, whatever order the pack lists the answers in.
    expect(quizKey(multiple)).toEqual({ choices: [0, 2] });
    expect(quizOptions(trueFalse)).toEqual(["True", "False"]);
    expect(quizKey(trueFalse)).toEqual({ choices: [1] });
    expect(quizOptions(numeric)).toEqual([]);
    expect(quizKey(numeric)).toEqual({ number: 42, tolerance: 2 });
    expect(quizKey(exact)).toEqual({ number: 1500, tolerance: 0 });
  });
});

describe("checkQuizAnswer", () => {
  it("accepts answers of the question's shape", () => {
    expect(checkQuizAnswer(single, choices(2))).toEqual({ ok: true });
    expect(checkQuizAnswer(trueFalse, choices(0))).toEqual({ ok: true });
    expect(checkQuizAnswer(multiple, choices(3, 0, 1))).toEqual({ ok: true });
    expect(checkQuizAnswer(numeric, { number: -7.5 })).toEqual({ ok: true });
  });

  it.each([
    ["a number for a choice question", single, { number: 1 }, "This question takes one of its options, not a number."],
    ["options for a numeric question", numeric, choices(0), "This question takes a number."],
    ["a number that is not finite", numeric, { number: Number.POSITIVE_INFINITY }, "This question takes a number."],
    ["an index past the options", single, choices(3), "That option is not one of this question's."],
    ["a negative index", multiple, choices(-1), "That option is not one of this question's."],
    ["a fractional index", multiple, choices(0.5), "That option is not one of this question's."],
    ["True/False past its two options", trueFalse, choices(2), "That option is not one of this question's."],
    ["the same option twice", multiple, choices(1, 1), "Choose each option at most once."],
    ["no option for single choice", single, choices(), "Choose an option."],
    ["no option for true/false", trueFalse, choices(), "Choose an option."],
    ["no option for multiple select", multiple, choices(), "Choose at least one option."],
    ["two options for single choice", single, choices(0, 1), "Choose only one option."],
    ["both True and False", trueFalse, choices(0, 1), "Choose only one option."],
  ] as [string, QuizItem, { choices: number[] } | { number: number }, string][])("refuses %s", (_, item, answer, message) => {
    expect(checkQuizAnswer(item, answer)).toEqual({ ok: false, message });
  });
});

describe("quizCredit", () => {
  it("is 1 for the right option and 0 otherwise, for single choice and true/false", () => {
    expect(quizCredit(single, choices(1))).toBe(1);
    expect(quizCredit(single, choices(0))).toBe(0);
    expect(quizCredit(trueFalse, choices(1))).toBe(1);
    expect(quizCredit(trueFalse, choices(0))).toBe(0);
  });

  it("gives multiple select (right picks − wrong picks) / right options, never below 0", () => {
    expect(quizCredit(multiple, choices(0, 2))).toBe(1);
    expect(quizCredit(multiple, choices(2))).toBe(0.5);
    expect(quizCredit(multiple, choices(0, 2, 1))).toBe(0.5); // both right, one wrong
    expect(quizCredit(multiple, choices(0, 1))).toBe(0); // one right, one wrong
    expect(quizCredit(multiple, choices(1, 3))).toBe(0); // −2 / 2 stops at 0
    expect(quizCredit(multiple, choices(0, 1, 2, 3))).toBe(0); // ticking everything earns nothing
    const threeOfFive = quizItemSchema.parse({ ...base, id: "m5", kind: "multiple", options: ["a", "b", "c", "d", "e"], answer: ["a", "b", "c"] });
    expect(quizCredit(threeOfFive, choices(0, 1))).toBeCloseTo(2 / 3, 12);
    expect(quizCredit(threeOfFive, choices(0, 1, 4))).toBeCloseTo(1 / 3, 12);
  });

  it("counts a number within the tolerance, both ends included", () => {
    expect([40, 41.5, 42, 44].map((n) => quizCredit(numeric, { number: n }))).toEqual([1, 1, 1, 1]);
    expect([39.99, 44.01, -42].map((n) => quizCredit(numeric, { number: n }))).toEqual([0, 0, 0]);
    expect(quizCredit(exact, { number: 1500 })).toBe(1);
    expect(quizCredit(exact, { number: 1500.5 })).toBe(0);
  });

  it("counts decimals at the edge of the tolerance as a teacher means them", () => {
    // In binary, 0.4 − 0.3 is 0.10000000000000003: still within ±0.1.
    expect(0.4 - 0.3).toBeGreaterThan(0.1);
    expect([0.2, 0.4, 0.35].map((n) => quizCredit(decimal, { number: n }))).toEqual([1, 1, 1]);
    expect([0.19, 0.41].map((n) => quizCredit(decimal, { number: n }))).toEqual([0, 0]);
  });
});

describe("basePoints", () => {
  const limit = 20_000;

  it("is Kahoot's formula: 1000 × (1 − (time / limit) / 2), rounded", () => {
    expect(basePoints(4_000, limit, true)).toBe(900);
    expect(basePoints(8_000, limit, true)).toBe(800);
    expect(basePoints(10_000, limit, true)).toBe(750);
    expect(basePoints(20_000, limit, true)).toBe(500);
    expect(basePoints(10_000, 30_000, true)).toBe(833); // 833.33
    expect(basePoints(20_000, 30_000, true)).toBe(667); // 666.67
  });

  it("gives full points under half a second, and the formula from 0.5 s", () => {
    expect(basePoints(0, limit, true)).toBe(1000);
    expect(basePoints(499, limit, true)).toBe(1000);
    expect(basePoints(500, limit, true)).toBe(988); // 987.5
    expect(basePoints(500, 5_000, true)).toBe(950);
  });

  it("clamps the time to 0 .. limit", () => {
    expect(basePoints(-300, limit, true)).toBe(1000);
    expect(basePoints(25_000, limit, true)).toBe(500);
  });

  it("is 1000 at any time with speed scoring off", () => {
    expect([0, 499, 10_000, 20_000, 99_000].map((t) => basePoints(t, limit, false))).toEqual([1000, 1000, 1000, 1000, 1000]);
  });
});

describe("streakBonus", () => {
  it("adds 100 per right answer in a row after the first, up to 500", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(streakBonus)).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
    expect(QUIZ_POINTS).toEqual({ full: 1000, fullUnderMs: 500, streakStep: 100, streakMax: 500 });
  });
});

describe("scoreQuestion", () => {
  const settings = { limitMs: 20_000, multiplier: 1, speed: true, streak: true };
  const answer = (participantId: string, credit: number, elapsedMs: number) => ({ participantId, credit, elapsedMs });

  it("scores the README's worked example", () => {
    const scored = scoreQuestion({
      ...settings,
      answers: [answer("ana", 1, 400), answer("ben", 1, 8_000), answer("chea", 0.5, 10_000), answer("dara", 0, 1_000)],
      previousStreaks: new Map([
        ["ana", 2],
        ["chea", 4],
        ["dara", 1],
      ]),
    });
    expect(Object.fromEntries(scored)).toEqual({
      ana: { correct: true, points: 1200, streak: 3 }, // 1000 (under 0.5 s) + 200 streak bonus
      ben: { correct: true, points: 800, streak: 1 }, // 1000 × (1 − 0.4 / 2), first in a row
      chea: { correct: false, points: 375, streak: 0 }, // half of 750; a partial answer breaks a streak
      dara: { correct: false, points: 0, streak: 0 },
    });
  });

  it("caps the streak bonus at 500 while the streak keeps counting", () => {
    const scored = scoreQuestion({ ...settings, answers: [answer("ana", 1, 0), answer("ben", 1, 0)], previousStreaks: new Map([["ana", 5], ["ben", 9]]) });
    expect(scored.get("ana")).toEqual({ correct: true, points: 1500, streak: 6 });
    expect(scored.get("ben")).toEqual({ correct: true, points: 1500, streak: 10 });
  });

  it("counts the streak but adds no bonus with the streak setting off", () => {
    const scored = scoreQuestion({ ...settings, streak: false, answers: [answer("ana", 1, 400)], previousStreaks: new Map([["ana", 2]]) });
    expect(scored.get("ana")).toEqual({ correct: true, points: 1000, streak: 3 });
  });

  it("gives every right answer 1000 with speed scoring off, partial credit its share", () => {
    const scored = scoreQuestion({ ...settings, speed: false, answers: [answer("ben", 1, 19_000), answer("chea", 0.5, 19_000)], previousStreaks: new Map() });
    expect(scored.get("ben")).toEqual({ correct: true, points: 1000, streak: 1 });
    expect(scored.get("chea")).toEqual({ correct: false, points: 500, streak: 0 });
  });

  it("doubles everything, the streak bonus included, on a 2× question", () => {
    const scored = scoreQuestion({
      ...settings,
      multiplier: 2,
      answers: [answer("ana", 1, 400), answer("ben", 1, 8_000), answer("chea", 0.5, 10_000)],
      previousStreaks: new Map([["ana", 2]]),
    });
    expect([...scored.values()].map((s) => s.points)).toEqual([2400, 1600, 750]);
    expect(scored.get("ana")?.streak).toBe(3);
  });

  it("rounds after multiplying a partial credit", () => {
    // 2/3 × 833 = 555.33 → 555; ×2: 1110.67 → 1111
    const answers = [answer("ana", 2 / 3, 10_000)];
    expect(scoreQuestion({ ...settings, limitMs: 30_000, answers, previousStreaks: new Map() }).get("ana")?.points).toBe(555);
    expect(scoreQuestion({ ...settings, limitMs: 30_000, multiplier: 2, answers, previousStreaks: new Map() }).get("ana")?.points).toBe(1111);
  });

  it("gives nothing on a 0× question and leaves every streak as it was, right or wrong", () => {
    const scored = scoreQuestion({
      ...settings,
      multiplier: 0,
      answers: [answer("ana", 1, 0), answer("ben", 0, 0), answer("chea", 0.5, 0)],
      previousStreaks: new Map([["ana", 2], ["ben", 3]]),
    });
    expect(Object.fromEntries(scored)).toEqual({
      ana: { correct: true, points: 0, streak: 2 },
      ben: { correct: false, points: 0, streak: 3 },
      chea: { correct: false, points: 0, streak: 0 },
    });
    // The next question worth points goes on from those streaks.
    const next = scoreQuestion({ ...settings, answers: [answer("ben", 1, 0)], previousStreaks: new Map([...scored].map(([id, s]) => [id, s.streak])) });
    expect(next.get("ben")).toEqual({ correct: true, points: 1300, streak: 4 });
  });
});

describe("streakAfter", () => {
  const scored = { correct: true, points: 600, streak: 3 };
  it("is the scored answer's streak", () => {
    expect(streakAfter(1, 2, scored)).toBe(3);
    expect(streakAfter(0, 2, { correct: true, points: 0, streak: 2 })).toBe(2);
  });
  it("without an answer: broken by a question worth points, kept by a 0× one", () => {
    expect(streakAfter(1, 4, undefined)).toBe(0);
    expect(streakAfter(2, 4, undefined)).toBe(0);
    expect(streakAfter(0, 4, undefined)).toBe(4);
  });
});

describe("rankLeaders", () => {
  it("ranks by points, ties by name with the same rank, and skips the ranks a tie takes", () => {
    const entries = [
      { participantId: "p1", name: "Dara", sideId: "gov", points: 500 },
      { participantId: "p2", name: "Ben", sideId: "opp", points: 900 },
      { participantId: "p3", name: "Chea", sideId: null, points: 1200 },
      { participantId: "p4", name: "Ana", sideId: "gov", points: 900 },
      { participantId: "p5", name: "Eli", sideId: "opp", points: 500 },
      { participantId: "p6", name: "Fay", sideId: "opp", points: 0 },
    ];
    expect(rankLeaders(entries).map((e) => [e.name, e.points, e.rank])).toEqual([
      ["Chea", 1200, 1],
      ["Ana", 900, 2],
      ["Ben", 900, 2],
      ["Dara", 500, 4],
      ["Eli", 500, 4],
      ["Fay", 0, 6],
    ]);
    expect(rankLeaders(entries)[0]).toEqual({ participantId: "p3", name: "Chea", sideId: null, points: 1200, rank: 1 });
    expect(rankLeaders([])).toEqual([]);
  });
});

describe("side totals", () => {
  const sides = [
    { id: "gov", name: "Government" },
    { id: "opp", name: "Opposition" },
    { id: "us", name: "United States" },
  ];
  const members = [
    { participantId: "ana", sideId: "gov" },
    { participantId: "ben", sideId: "gov" },
    { participantId: "chea", sideId: "opp" },
    { participantId: "dara", sideId: "opp" },
    { participantId: "eli", sideId: "opp" },
    { participantId: "fay", sideId: null },
  ];
  const answers = [
    { participantId: "ana", sideId: "gov", points: 1200 },
    { participantId: "ben", sideId: "gov", points: 800 },
    { participantId: "chea", sideId: "opp", points: 1000 },
    { participantId: "dara", sideId: "opp", points: 600 },
    { participantId: "eli", sideId: "opp", points: 500 },
    { participantId: "fay", sideId: null, points: 900 }, // on no side: counts for no side
  ];

  it("averages per member now, so a bigger side does not win by numbers alone", () => {
    // Government 2000 / 2 = 1000; Opposition 2100 / 3 = 700; the United States has no one yet.
    expect(sideQuizTotals(sides, members, answers)).toEqual([
      { sideId: "gov", name: "Government", points: 1000, members: 2 },
      { sideId: "opp", name: "Opposition", points: 700, members: 3 },
      { sideId: "us", name: "United States", points: 0, members: 0 },
    ]);
  });

  it("credits the side at answer time, rounds, and divides by at least 1", () => {
    // Ben answered for the Opposition, then moved to the Government; Eli has since left.
    const moved = [
      { participantId: "ana", sideId: "gov", points: 1000 },
      { participantId: "ben", sideId: "opp", points: 1000 },
      { participantId: "eli", sideId: "us", points: 250 },
    ];
    const now = [
      { participantId: "ana", sideId: "gov" },
      { participantId: "ben", sideId: "gov" },
      { participantId: "chea", sideId: "opp" },
      { participantId: "dara", sideId: "opp" },
      { participantId: "fay", sideId: "opp" },
    ];
    expect(sideQuizTotals(sides, now, moved).map((t) => [t.sideId, t.points, t.members])).toEqual([
      ["gov", 500, 2],
      ["opp", 333, 3], // 1000 / 3 = 333.33
      ["us", 250, 0],
    ]);
  });

  it("lists equal totals by name", () => {
    expect(sideQuizTotals([...sides].reverse(), [], []).map((t) => t.name)).toEqual(["Government", "Opposition", "United States"]);
  });

  it("gives the README's standings example", () => {
    const standings = quizStandings(sides, members, answers);
    expect(standings.participants.get("ana")).toEqual({ points: 120, quizPoints: 1200 });
    expect(standings.participants.get("ben")).toEqual({ points: 80, quizPoints: 800 });
    // Each side's part with what it was worked out from: earned ÷ members now = its average.
    expect(Object.fromEntries(standings.sides)).toEqual({
      gov: { points: 100, quizPoints: 1000, earned: 2000, members: 2 },
      opp: { points: 70, quizPoints: 700, earned: 2100, members: 3 },
      us: { points: 0, quizPoints: 0, earned: 0, members: 0 },
    });
  });

  it("sums each student's points and gives the standings a tenth, rounded", () => {
    const more = [...answers, { participantId: "ana", sideId: "gov", points: 675 }];
    expect(quizTotals(more).get("ana")).toBe(1875);
    const standings = quizStandings(sides, members, more);
    expect(QUIZ_STANDINGS_DIVISOR).toBe(10);
    const points = (parts: Map<string, { points: number }>) => Object.fromEntries([...parts].map(([id, p]) => [id, p.points]));
    expect(points(standings.participants)).toEqual({ ana: 188, ben: 80, chea: 100, dara: 60, eli: 50, fay: 90 });
    // Government (1875 + 800) / 2 = 1337.5 → 1338 → 134; Opposition 700 → 70.
    expect(points(standings.sides)).toEqual({ gov: 134, opp: 70, us: 0 });
  });
});

describe("quizDistribution", () => {
  it("counts each option chosen, marking the right ones", () => {
    expect(quizDistribution(single, [choices(1), choices(1), choices(0)])).toEqual([
      { label: "Red", count: 1, correct: false },
      { label: "Green", count: 2, correct: true },
      { label: "Blue", count: 0, correct: false },
    ]);
    expect(quizDistribution(trueFalse, [choices(0), choices(1), choices(1)])).toEqual([
      { label: "True", count: 1, correct: false },
      { label: "False", count: 2, correct: true },
    ]);
  });

  it("counts a multiple-select answer for each option it picked", () => {
    expect(quizDistribution(multiple, [choices(0, 2), choices(0, 1), choices(3)]).map((b) => [b.label, b.count, b.correct])).toEqual([
      ["A", 2, true],
      ["B", 1, false],
      ["C", 1, true],
      ["D", 1, false],
    ]);
  });

  it("splits numeric answers into within the tolerance and the rest, naming the answer", () => {
    expect(quizDistribution(numeric, [{ number: 41 }, { number: 44 }, { number: 50 }])).toEqual([
      { label: "Within 2 of 42 km", count: 2, correct: true },
      { label: "Other answers", count: 1, correct: false },
    ]);
    expect(quizDistribution(exact, [])).toEqual([
      { label: "1,500", count: 0, correct: true },
      { label: "Other answers", count: 0, correct: false },
    ]);
  });
});
