import { describe, expect, it } from "vitest";
import { argumentsByRound, entryLine, excerpt, scoreLines, sidePlace } from "../../app/lib/studentReview";
import { defaultRubric } from "../../content/schema";
import type { PointEntry } from "../../server/live/scoring/debate";
import type { StudentReview } from "../../server/live/review/types";

type Argument = StudentReview["arguments"][number];
const source = { id: "s", outlet: "VOA", title: "T", author: null, period: "2024", file: "t.md", type: "report" as const, year: 2024 };
const card = { id: "c1", kind: "quote" as const, text: "We will never accept conditions on our sovereignty from any foreign power at all", speaker: "Hun Sen", sourceType: "claim" as const, use: "", source };

const argument = (id: string, over: Partial<Argument> = {}): Argument => ({
  id,
  roundId: "r1",
  roundTitle: "Opening statements",
  roundIndex: 2,
  participantId: "me",
  author: "Rani",
  sideId: "rgc",
  kind: "argument",
  body: "Text",
  cards: [],
  targetSideId: null,
  replyTo: null,
  createdAt: 1,
  ballots: [],
  rubricPoints: 0,
  peerVotes: 0,
  challenges: [],
  ...over,
});

const review: Pick<StudentReview, "arguments" | "challenges" | "quiz"> = {
  arguments: [
    argument("a1", { ballots: [{ judge: "Ms T", scores: {}, comment: "", points: 70 }] }),
    argument("a2", { kind: "question", roundId: "r2", roundTitle: "Crossfire", roundIndex: 4, createdAt: 5 }),
  ],
  challenges: [
    { id: "ch1", argumentId: "other", cardId: "c1", challengerId: "me", challenger: "Rani", challengerSideId: "rgc", reason: "Out of context", status: "upheld", ruling: "Right", ruledAt: 2, card },
  ],
  quiz: [
    { questionId: "q1", position: 1, prompt: "P", options: ["A", "B"], unit: null, key: { correct: { choices: [0] }, explanation: "E", source }, answer: null },
    {
      questionId: "q2",
      position: 2,
      prompt: "P",
      options: ["A", "B"],
      unit: null,
      key: { correct: { choices: [0] }, explanation: "E", source },
      answer: { questionId: "q2", position: 2, participantId: "me", sideId: "rgc", answer: { choices: [0] }, answerText: "A", credit: 1, correct: true, elapsedMs: 300, points: 1234, streak: 1 },
    },
  ],
};

const entry = (origin: PointEntry["origin"], points: number, part: PointEntry["part"] = "rubric"): PointEntry => ({ participantId: "me", sideId: "rgc", part, points, origin });

describe("a student's review in words", () => {
  it("says where each of their points came from, linking to what earned it", () => {
    expect(entryLine(entry({ kind: "rubric", argumentId: "a1" }, 70), review)).toEqual({
      text: "The teacher's rubric score for your speech in round 3",
      points: 70,
      href: "#argument-a1",
    });
    expect(entryLine(entry({ kind: "rubric", argumentId: "a2" }, 0), review).text).toBe("Rubric for your crossfire question in round 5: not scored");
    expect(entryLine(entry({ kind: "peerVotes", argumentId: "a1", votes: 2 }, 20, "peerVotes"), review).text).toBe(
      "2 peer votes for your speech in round 3 (10 each)",
    );
    expect(entryLine(entry({ kind: "peerVotes", argumentId: "a1", votes: 1 }, 10, "peerVotes"), review).text).toMatch(/^1 peer vote for/);
    expect(entryLine(entry({ kind: "challenge", challengeId: "x", argumentId: "a1", status: "upheld", role: "author" }, -30, "challenges"), review)).toEqual({
      text: "A challenge to a card in your speech in round 3 was upheld",
      points: -30,
      href: "#argument-a1",
    });
    expect(entryLine(entry({ kind: "challenge", challengeId: "ch1", argumentId: "other", status: "upheld", role: "challenger" }, 15, "challenges"), review)).toEqual({
      text: "Your challenge to “We will never accept conditions on our sovereignty from any…” was upheld",
      points: 15,
      href: "#challenge-ch1",
    });
    // The quiz part is the quiz points of the closed questions (carried by the entry), divided as the standings do.
    expect(entryLine(entry({ kind: "quiz", quizPoints: 1234 }, 123, "quiz"), review)).toEqual({ text: "Quiz: your 1,234 quiz points ÷ 10, rounded", points: 123, href: "#your-quiz" });
  });

  it("reads a ballot against the rubric: each criterion's score of 5 and what it means", () => {
    const lines = scoreLines(defaultRubric, { argument: 4, evidence: 1, rebuttal: 5 });
    expect(lines.map((l) => [l.label, l.score, l.of, l.descriptor])).toEqual([
      ["Argument and reasoning", 4, 5, "A clear claim with sound, connected reasons"],
      ["Use of evidence", 1, 5, "No evidence, or evidence that does not fit the point"],
      ["Response to the other sides", 5, 5, "Answers the strongest points fairly and shows why they fall short"],
      ["Clarity and respect", null, 5, null],
    ]);
  });

  it("groups arguments by round in plan order, each round's oldest first", () => {
    const args = [argument("late", { roundId: "r2", roundIndex: 4, createdAt: 9 }), argument("b", { createdAt: 3 }), argument("a", { createdAt: 2 })];
    expect(argumentsByRound(args).map((r) => [r.roundIndex, r.arguments.map((a) => a.id)])).toEqual([
      [2, ["a", "b"]],
      [4, ["late"]],
    ]);
  });

  it("names a side's place and shortens a quote at a word", () => {
    expect(sidePlace({ rank: 2, of: 4 })).toBe("2nd of 4 sides");
    expect(sidePlace({ rank: 1, of: 1 })).toBe("The only side");
    expect(excerpt("short")).toBe("short");
    expect(excerpt("one two three four", 10)).toBe("one two…");
  });
});
