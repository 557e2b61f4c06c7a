// Debate scoring as the standings show it: the numbers here are worked out by hand from the
// formulas in README.md "Scoring", so a change to a formula shows up as a changed expectation.
import { describe, expect, it } from "vitest";
import { loadBundledContent } from "../../content/load";
import { defaultRubric, type PackedScenario, packScenario } from "../../content/schema";
import {
  argumentRubricPoints,
  ballotPoints,
  checkBallot,
  DEBATE_POINTS,
  debateStandings,
  pointsLedger,
  standingsOf,
  type DebateRecord,
  type Rubric,
  type RubricScores,
  type Standing,
} from "../../server/live/scoring/debate";
import { persuasion } from "../../server/live/scoring/persuasion";
import { scoreboardOf } from "../../server/live/scoring/scoreboard";

const levels = ["one", "two", "three", "four", "five"];
const criterion = (id: string, weight: number) => ({ id, label: `The ${id}`, weight, levels });

/** A default-rubric ballot: argument, evidence, rebuttal, delivery. */
const ballot = (argument: number, evidence: number, rebuttal: number, delivery: number): RubricScores => ({
  argument,
  evidence,
  rebuttal,
  delivery,
});
/** Every default criterion scored `n`: worth 20·n points. */
const all = (n: number) => ballot(n, n, n, n);

const emptyRecord = (): DebateRecord => ({ sides: [], participants: [], arguments: [], votes: [], challenges: [] });
const summary = (standings: Standing[]) => standings.map((s) => [s.id, s.total, s.breakdown.rubric, s.breakdown.peerVotes, s.breakdown.challenges]);

describe("checkBallot", () => {
  it("accepts every criterion scored once with a whole number 1 to 5", () => {
    expect(checkBallot(defaultRubric, ballot(1, 5, 3, 2))).toEqual({ ok: true });
  });

  it("refuses a criterion left unscored, naming it", () => {
    const { delivery: _, ...scores } = all(3);
    expect(checkBallot(defaultRubric, scores)).toEqual({ ok: false, message: "Clarity and respect has no score" });
  });

  it("refuses a criterion the rubric does not have", () => {
    expect(checkBallot(defaultRubric, { ...all(3), style: 4 })).toEqual({ ok: false, message: '"style" is not a criterion of this rubric' });
  });

  it.each([0, 6, 2.5, Number.NaN, -1])("refuses a score of %s", (score) => {
    expect(checkBallot(defaultRubric, { ...all(3), evidence: score })).toEqual({
      ok: false,
      message: "Use of evidence must be a whole number from 1 to 5",
    });
  });

  it("does not take an inherited property for a score", () => {
    // "constructor" is a valid criterion id and exists on every object's prototype.
    const rubric: Rubric = [criterion("constructor", 1)];
    expect(checkBallot(rubric, {})).toEqual({ ok: false, message: "The constructor has no score" });
    expect(checkBallot(rubric, { constructor: 4 })).toEqual({ ok: true });
  });
});

describe("ballotPoints", () => {
  it("gives 20 for all 1s and 100 for all 5s", () => {
    expect(ballotPoints(defaultRubric, all(1))).toBe(20);
    expect(ballotPoints(defaultRubric, all(5))).toBe(100);
  });

  it("weights the default criteria 3, 3, 2, 2", () => {
    // 100 · (3·4 + 3·3 + 2·5 + 2·2) / (5 · 10) = 100 · 35 / 50
    expect(ballotPoints(defaultRubric, ballot(4, 3, 5, 2))).toBe(70);
    // The heavier criteria move the result more: a 5 on argument beats a 5 on delivery.
    expect(ballotPoints(defaultRubric, ballot(5, 1, 1, 1))).toBeGreaterThan(ballotPoints(defaultRubric, ballot(1, 1, 1, 5)));
  });

  it("rounds to the nearest whole point, a half upwards", () => {
    const twoToOne: Rubric = [criterion("case", 2), criterion("style", 1)];
    expect(ballotPoints(twoToOne, { case: 4, style: 3 })).toBe(73); // 100 · 11 / 15 = 73.33
    expect(ballotPoints(twoToOne, { case: 2, style: 3 })).toBe(47); // 100 · 7 / 15 = 46.67
    const fiveToThree: Rubric = [criterion("case", 5), criterion("style", 3)];
    expect(ballotPoints(fiveToThree, { case: 1, style: 2 })).toBe(28); // 100 · 11 / 40 = 27.5
  });

  it("refuses to score a ballot checkBallot refuses", () => {
    expect(() => ballotPoints(defaultRubric, { ...all(3), evidence: 6 })).toThrow("Use of evidence must be a whole number from 1 to 5");
  });
});

describe("argumentRubricPoints", () => {
  const twoToOne: Rubric = [criterion("case", 2), criterion("style", 1)];

  it("is 0 for an argument nobody has scored", () => {
    expect(argumentRubricPoints(twoToOne, [])).toBe(0);
  });

  it("is the rounded mean of the ballots' (already rounded) points", () => {
    // 26.67 → 27 and 20; the mean 23.5 rounds to 24 (the raw scores' mean, 23.33, would give 23).
    expect(argumentRubricPoints(twoToOne, [{ case: 1, style: 2 }, { case: 1, style: 1 }])).toBe(24);
    expect(argumentRubricPoints(twoToOne, [{ case: 4, style: 3 }, { case: 4, style: 4 }, { case: 3, style: 3 }])).toBe(71); // (73 + 80 + 60) / 3
  });
});

describe("debateStandings", () => {
  const twoSides = (): DebateRecord => ({
    ...emptyRecord(),
    sides: [
      { id: "gov", name: "Government" },
      { id: "opp", name: "Opposition" },
    ],
    participants: [
      { id: "ana", name: "Ana", sideId: "gov" },
      { id: "ben", name: "Ben", sideId: "opp" },
    ],
  });

  it("lists every side and participant at 0 before anything is scored", () => {
    const record = twoSides();
    record.participants.push({ id: "cam", name: "Cam", sideId: null });
    const { sides, individuals } = debateStandings(defaultRubric, record);
    expect(summary(sides)).toEqual([
      ["gov", 0, 0, 0, 0],
      ["opp", 0, 0, 0, 0],
    ]);
    expect(summary(individuals)).toEqual([
      ["ana", 0, 0, 0, 0],
      ["ben", 0, 0, 0, 0],
      ["cam", 0, 0, 0, 0],
    ]);
  });

  it("gives an argument's rubric points and peer votes to its author and side", () => {
    const record = twoSides();
    record.arguments = [{ id: "a1", participantId: "ana", sideId: "gov", ballots: [all(4), all(3)] }];
    record.votes = [
      { voterId: "ben", argumentId: "a1" },
      { voterId: "someone", argumentId: "a1" },
    ];
    const { sides, individuals } = debateStandings(defaultRubric, record);
    const expected = [70 + 2 * DEBATE_POINTS.peerVote, 70, 2 * DEBATE_POINTS.peerVote, 0];
    expect(summary(sides)[0]).toEqual(["gov", ...expected]);
    expect(summary(individuals)[0]).toEqual(["ana", ...expected]);
    expect(DEBATE_POINTS.peerVote).toBe(10);
  });

  it("moves points both ways for an upheld challenge, and charges the challenger for a rejected one", () => {
    const record = twoSides();
    record.arguments = [
      { id: "a1", participantId: "ana", sideId: "gov", ballots: [all(5)] },
      { id: "b1", participantId: "ben", sideId: "opp", ballots: [all(5)] },
    ];
    record.challenges = [
      { challengerId: "ben", challengerSideId: "opp", argumentId: "a1", status: "upheld" },
      { challengerId: "ana", challengerSideId: "gov", argumentId: "b1", status: "rejected" },
      { challengerId: "ana", challengerSideId: "gov", argumentId: "b1", status: "open" },
    ];
    const { sides, individuals } = debateStandings(defaultRubric, record);
    expect(DEBATE_POINTS).toEqual({ peerVote: 10, upheldAgainstArgument: 30, upheldForChallenger: 15, rejectedForChallenger: 5 });
    expect(summary(individuals)).toEqual([
      ["ben", 115, 100, 0, 15],
      ["ana", 65, 100, 0, -35], // -30 for the upheld challenge to a1, -5 for her rejected one
    ]);
    expect(summary(sides)).toEqual([
      ["opp", 115, 100, 0, 15],
      ["gov", 65, 100, 0, -35],
    ]);
  });

  it("credits the side a point was earned for, not the student's side now", () => {
    // Ana argued and challenged for the government, then moved to the opposition.
    const record = twoSides();
    record.participants[0].sideId = "opp";
    record.arguments = [
      { id: "a1", participantId: "ana", sideId: "gov", ballots: [all(2)] },
      { id: "b1", participantId: "ben", sideId: "opp", ballots: [] },
    ];
    record.votes = [{ voterId: "x", argumentId: "a1" }];
    record.challenges = [{ challengerId: "ana", challengerSideId: "gov", argumentId: "b1", status: "upheld" }];
    const { sides, individuals } = debateStandings(defaultRubric, record);
    expect(summary(sides)).toEqual([
      ["gov", 40 + 10 + 15, 40, 10, 15],
      ["opp", -30, 0, 0, -30],
    ]);
    expect(summary(individuals)).toEqual([
      ["ana", 65, 40, 10, 15],
      ["ben", -30, 0, 0, -30],
    ]);
  });

  it("ignores votes and challenges that name an unknown argument, and points for unlisted people", () => {
    const record = twoSides();
    record.arguments = [{ id: "gone", participantId: "removed", sideId: "gov", ballots: [all(5)] }];
    record.votes = [{ voterId: "ben", argumentId: "no-such-argument" }];
    record.challenges = [{ challengerId: "ben", challengerSideId: "opp", argumentId: "no-such-argument", status: "upheld" }];
    const { sides, individuals } = debateStandings(defaultRubric, record);
    expect(summary(sides)).toEqual([
      ["gov", 100, 100, 0, 0],
      ["opp", 0, 0, 0, 0],
    ]);
    expect(individuals.map((s) => s.id)).toEqual(["ana", "ben"]);
    expect(individuals.every((s) => s.total === 0)).toBe(true);
  });

  it("orders by total, then name, then id, whatever order the record lists them in", () => {
    const record: DebateRecord = {
      ...emptyRecord(),
      sides: [
        { id: "s2", name: "Beta" },
        { id: "s1", name: "Alpha" },
      ],
      participants: [
        { id: "p4", name: "Zoe", sideId: "s1" },
        { id: "p3", name: "Sam", sideId: "s2" },
        { id: "p2", name: "Sam", sideId: "s2" },
        { id: "p1", name: "Amy", sideId: "s1" },
      ],
      arguments: [{ id: "a", participantId: "p4", sideId: "s1", ballots: [all(1)] }],
    };
    const expected = { sides: ["s1", "s2"], individuals: ["p4", "p1", "p2", "p3"] };
    const ids = (r: DebateRecord) => {
      const { sides, individuals } = debateStandings(defaultRubric, r);
      return { sides: sides.map((s) => s.id), individuals: individuals.map((s) => s.id) };
    };
    expect(ids(record)).toEqual(expected);
    expect(ids({ ...record, sides: [...record.sides].reverse(), participants: [...record.participants].reverse() })).toEqual(expected);
  });

  it("gives the numbers of the worked example in README.md", () => {
    const record = twoSides();
    record.arguments = [{ id: "a1", participantId: "ana", sideId: "gov", ballots: [ballot(4, 3, 5, 2), all(4)] }];
    record.votes = [
      { voterId: "x", argumentId: "a1" },
      { voterId: "y", argumentId: "a1" },
    ];
    record.challenges = [{ challengerId: "ben", challengerSideId: "opp", argumentId: "a1", status: "upheld" }];
    const { sides, individuals } = debateStandings(defaultRubric, record);
    expect(summary(individuals)).toEqual([
      ["ana", 65, 75, 20, -30],
      ["ben", 15, 0, 0, 15],
    ]);
    expect(summary(sides)).toEqual([
      ["gov", 65, 75, 20, -30],
      ["opp", 15, 0, 0, 15],
    ]);
  });

  describe("a whole debate with four sides", () => {
    const record: DebateRecord = {
      sides: [
        { id: "gov", name: "Government" },
        { id: "opp", name: "Opposition" },
        { id: "us", name: "United States" },
        { id: "ngo", name: "Unions and NGOs" },
      ],
      participants: [
        { id: "ana", name: "Ana", sideId: "gov" },
        { id: "ben", name: "Ben", sideId: "opp" }, // argued for gov first, then moved to opp
        { id: "chea", name: "Chea", sideId: "opp" },
        { id: "dara", name: "Dara", sideId: "us" },
        { id: "eli", name: "Eli", sideId: "us" },
        { id: "fay", name: "Fay", sideId: null },
      ],
      arguments: [
        { id: "a1", participantId: "ana", sideId: "gov", ballots: [all(4), all(3)] }, // 70
        { id: "a2", participantId: "ben", sideId: "gov", ballots: [all(5)] }, // 100
        { id: "a3", participantId: "chea", sideId: "opp", ballots: [] }, // 0
        { id: "a4", participantId: "dara", sideId: "us", ballots: [ballot(4, 3, 5, 2)] }, // 70
        { id: "a5", participantId: "ben", sideId: "opp", ballots: [all(2)] }, // 40
        { id: "a6", participantId: "eli", sideId: "us", ballots: [all(1), all(2)] }, // 30
      ],
      votes: [
        { voterId: "chea", argumentId: "a1" },
        { voterId: "dara", argumentId: "a1" },
        { voterId: "eli", argumentId: "a2" },
        { voterId: "ana", argumentId: "a4" },
        { voterId: "fay", argumentId: "a4" },
        { voterId: "dara", argumentId: "a5" },
        { voterId: "ana", argumentId: "a-deleted" },
      ],
      challenges: [
        { challengerId: "chea", challengerSideId: "opp", argumentId: "a2", status: "upheld" },
        { challengerId: "dara", challengerSideId: "us", argumentId: "a3", status: "rejected" },
        { challengerId: "ana", challengerSideId: "gov", argumentId: "a4", status: "open" },
        { challengerId: "ben", challengerSideId: "opp", argumentId: "a6", status: "upheld" },
        { challengerId: "eli", challengerSideId: "us", argumentId: "a5", status: "rejected" },
        { challengerId: "eli", challengerSideId: "us", argumentId: "a-deleted", status: "upheld" },
      ],
    };
    const { sides, individuals } = debateStandings(defaultRubric, record);

    it("adds up each student's points", () => {
      expect(summary(individuals)).toEqual([
        ["ben", 145, 140, 20, -15], // a2 + a5; a vote on each; -30 on a2, +15 for challenging a6
        ["ana", 90, 70, 20, 0], // her open challenge counts nothing yet
        ["dara", 85, 70, 20, -5],
        ["chea", 15, 0, 0, 15],
        ["fay", 0, 0, 0, 0],
        ["eli", -5, 30, 0, -35], // a total can go below zero
      ]);
    });

    it("adds up each side's points, ties by name, and lists the side with none", () => {
      expect(summary(sides)).toEqual([
        ["gov", 170, 170, 30, -30],
        ["opp", 80, 40, 10, 30],
        ["us", 80, 100, 20, -40],
        ["ngo", 0, 0, 0, 0],
      ]);
    });

    it("has every breakdown sum to its total, in whole points", () => {
      for (const s of [...sides, ...individuals]) {
        const { rubric, peerVotes, challenges, quiz, audience } = s.breakdown;
        expect(s.total, s.id).toBe(rubric + peerVotes + challenges + quiz + audience);
        expect(Number.isInteger(s.total), s.id).toBe(true);
      }
    });

    it("gives the sides together what the students earned together, when everyone is listed", () => {
      const sum = (list: Standing[]) => list.reduce((total, s) => total + s.total, 0);
      expect(sum(sides)).toBe(sum(individuals));
    });
  });
});

describe("quiz and audience points in the standings", () => {
  const record = (): DebateRecord => ({
    ...emptyRecord(),
    sides: [
      { id: "gov", name: "Government" },
      { id: "opp", name: "Opposition" },
    ],
    participants: [
      { id: "ana", name: "Ana", sideId: "gov" },
      { id: "ben", name: "Ben", sideId: "opp" },
      { id: "cam", name: "Cam", sideId: "opp" },
    ],
    arguments: [{ id: "a1", participantId: "ana", sideId: "gov", ballots: [all(4)] }],
  });
  const parts = (standings: Standing[]) => standings.map((s) => [s.id, s.total, s.breakdown.quiz, s.breakdown.audience]);

  it("adds the quiz part to students and sides as given, and audience points to sides only", () => {
    const { sides, individuals } = debateStandings(defaultRubric, {
      ...record(),
      // A side's quiz part is its members' average, so it is given apart from the students'.
      quiz: {
        participants: new Map([["ana", { points: 120, quizPoints: 1200 }], ["ben", { points: 90, quizPoints: 900 }], ["cam", { points: 30, quizPoints: 300 }]]),
        sides: new Map([["gov", { points: 120, quizPoints: 1200, earned: 1200, members: 1 }], ["opp", { points: 60, quizPoints: 600, earned: 1200, members: 2 }]]),
      },
      audience: new Map([["opp", 100], ["gov", 0]]),
    });
    expect(parts(individuals)).toEqual([
      ["ana", 200, 120, 0], // 80 rubric + 120 quiz
      ["ben", 90, 90, 0],
      ["cam", 30, 30, 0],
    ]);
    expect(parts(sides)).toEqual([
      ["gov", 200, 120, 0],
      ["opp", 160, 60, 100],
    ]);
  });

  it("ranks by the total with the audience points in it", () => {
    const { sides } = debateStandings(defaultRubric, { ...record(), audience: new Map([["opp", 100]]) });
    expect(sides.map((s) => [s.id, s.total])).toEqual([
      ["opp", 100],
      ["gov", 80],
    ]);
  });

  it("ignores quiz and audience points for anyone not listed", () => {
    const { sides, individuals } = debateStandings(defaultRubric, {
      ...record(),
      quiz: { participants: new Map([["gone", { points: 50, quizPoints: 500 }]]), sides: new Map([["no-side", { points: 50, quizPoints: 500, earned: 500, members: 1 }]]) },
      audience: new Map([["no-side", 100]]),
    });
    expect([...sides, ...individuals].every((s) => s.breakdown.quiz === 0 && s.breakdown.audience === 0)).toBe(true);
  });
});

const bundled = await loadBundledContent();
const pack = bundled.scenarios.find((s) => s.scenario.id === "conditioned-engagement");
if (!pack) throw new Error("the bundled pack this test uses is gone");

describe("scoreboardOf", () => {
  const scenario: PackedScenario = packScenario(pack.scenario, bundled.sources);
  // Its sides: rgc-cpp against the motion, cnrp for, us-state-department mixed, rights-groups for.
  const seat = (id: string, sideId: string | null, removed = false) => ({ id, displayName: id.toUpperCase(), sideId, removedAt: removed ? new Date(0) : null });
  const rows = {
    scenario,
    seats: [seat("ana", "cnrp"), seat("ben", "cnrp"), seat("chea", "rgc-cpp"), seat("dara", null), seat("eli", "cnrp", true)],
    arguments: [],
    ballots: [],
    votes: [],
    challenges: [],
  };
  const answer = (participantId: string, sideId: string | null, points: number | null) => ({ participantId, sideId, points });

  it("gives the quiz a tenth of each student's points and each side's average over its members now", () => {
    const board = scoreboardOf({
      ...rows,
      quizAnswers: [
        answer("ana", "cnrp", 1200),
        answer("ana", "cnrp", 675),
        answer("ben", "cnrp", 800),
        answer("chea", "rgc-cpp", 1000),
        answer("chea", "rgc-cpp", null), // the open question: not scored yet
        answer("eli", "cnrp", 1000), // removed since: counts for the side, averaged over the two seated
        answer("dara", null, 900),
      ],
    });
    const quiz = (list: Standing[] | null) => Object.fromEntries((list ?? []).map((s) => [s.id, s.breakdown.quiz]));
    expect(quiz(board.individuals)).toEqual({ ana: 188, ben: 80, chea: 100, dara: 90 });
    // cnrp (1875 + 800 + 1000) / 2 = 1837.5 → 1838 → 184; rgc-cpp 1000 / 1 → 100.
    expect(quiz(board.sides)).toEqual({ cnrp: 184, "rgc-cpp": 100, "us-state-department": 0, "engagement-commentators": 0 });
    expect(board.sides.every((s) => s.breakdown.audience === 0)).toBe(true);
  });

  it("gives audience points to every side that argues the winning case, a mixed side by the way it leans", () => {
    const result = persuasion(new Map([["ana", "against"]]), new Map([["ana", "for"]]));
    const board = scoreboardOf({ ...rows, persuasion: result });
    expect(board.sides.map((s) => [s.id, s.breakdown.audience, s.total])).toEqual([
      ["cnrp", 100, 100],
      ["us-state-department", 100, 100],
      ["engagement-commentators", 0, 0],
      ["rgc-cpp", 0, 0],
    ]);
    expect(board.individuals?.every((s) => s.breakdown.audience === 0)).toBe(true);
  });
});

describe("pointsLedger", () => {
  const record = (): DebateRecord => ({
    sides: [
      { id: "gov", name: "Government" },
      { id: "opp", name: "Opposition" },
    ],
    participants: [
      { id: "ana", name: "Ana", sideId: "gov" },
      { id: "ben", name: "Ben", sideId: "opp" },
    ],
    arguments: [
      { id: "a1", participantId: "ana", sideId: "gov", ballots: [all(4)] },
      { id: "b1", participantId: "ben", sideId: "opp", ballots: [] },
    ],
    votes: [
      { voterId: "ben", argumentId: "a1" },
      { voterId: "x", argumentId: "a1" },
      { voterId: "y", argumentId: "missing" },
    ],
    challenges: [
      { id: "c1", challengerId: "ben", challengerSideId: "opp", argumentId: "a1", status: "upheld" },
      { id: "c2", challengerId: "ana", challengerSideId: "gov", argumentId: "b1", status: "rejected" },
      { id: "c3", challengerId: "ana", challengerSideId: "gov", argumentId: "b1", status: "open" },
    ],
    quiz: {
      participants: new Map([["ana", { points: 42, quizPoints: 420 }]]),
      sides: new Map([["gov", { points: 21, quizPoints: 210, earned: 420, members: 2 }], ["opp", { points: 0, quizPoints: 0, earned: 0, members: 1 }]]),
    },
    audience: new Map([["gov", 0], ["opp", 100]]),
  });

  it("names every point's origin, once, with the person and the side it went to", () => {
    expect(pointsLedger(defaultRubric, record())).toEqual([
      { participantId: "ana", sideId: "gov", part: "rubric", points: 80, origin: { kind: "rubric", argumentId: "a1" } },
      { participantId: "ben", sideId: "opp", part: "rubric", points: 0, origin: { kind: "rubric", argumentId: "b1" } },
      { participantId: "ana", sideId: "gov", part: "peerVotes", points: 20, origin: { kind: "peerVotes", argumentId: "a1", votes: 2 } },
      { participantId: "ana", sideId: "gov", part: "challenges", points: -30, origin: { kind: "challenge", challengeId: "c1", argumentId: "a1", status: "upheld", role: "author" } },
      { participantId: "ben", sideId: "opp", part: "challenges", points: 15, origin: { kind: "challenge", challengeId: "c1", argumentId: "a1", status: "upheld", role: "challenger" } },
      { participantId: "ana", sideId: "gov", part: "challenges", points: -5, origin: { kind: "challenge", challengeId: "c2", argumentId: "b1", status: "rejected", role: "challenger" } },
      // The quiz figures the points were worked out from travel with them, for the review's words.
      { participantId: "ana", sideId: null, part: "quiz", points: 42, origin: { kind: "quiz", quizPoints: 420 } },
      { participantId: null, sideId: "gov", part: "quiz", points: 21, origin: { kind: "quiz", quizPoints: 210, earned: 420, members: 2 } },
      { participantId: null, sideId: "opp", part: "quiz", points: 0, origin: { kind: "quiz", quizPoints: 0, earned: 0, members: 1 } },
      { participantId: null, sideId: "gov", part: "audience", points: 0, origin: { kind: "audience" } },
      { participantId: null, sideId: "opp", part: "audience", points: 100, origin: { kind: "audience" } },
    ]);
  });

  it("adds up to the standings: every total is the sum of its entries", () => {
    const ledger = pointsLedger(defaultRubric, record());
    const { sides, individuals } = standingsOf(record(), ledger);
    for (const s of sides) expect(s.total).toBe(ledger.filter((e) => e.sideId === s.id).reduce((n, e) => n + e.points, 0));
    for (const p of individuals) expect(p.total).toBe(ledger.filter((e) => e.participantId === p.id).reduce((n, e) => n + e.points, 0));
    expect(individuals.map((p) => [p.id, p.total])).toEqual([
      ["ana", 80 + 20 - 30 - 5 + 42],
      ["ben", 15],
    ]);
    expect(debateStandings(defaultRubric, record())).toEqual({ sides, individuals });
  });
});
