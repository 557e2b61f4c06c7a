import { describe, expect, it } from "vitest";
import { firstStage, nextStage, stageKeys } from "../../app/lib/stage";
import type { PollView, QuizQuestionView, QuizView, RoundView } from "../../server/live/views/types";

const round = (over: Partial<RoundView> = {}): RoundView => ({
  id: "r1",
  index: 0,
  kind: "opening",
  title: "Openings",
  sides: [],
  seconds: 60,
  status: "open",
  endsAt: 1,
  remainingMs: 1,
  revealed: false,
  ...over,
});
const poll = (over: Partial<PollView> = {}): PollView => ({
  id: "p1",
  kind: "motion",
  prompt: "?",
  options: ["For", "Against", "Undecided"],
  phase: "before",
  results: "hidden",
  anonymous: false,
  status: "open",
  revealed: false,
  roundId: null,
  tally: { pollId: "p1", seq: 1, voted: 0, of: 3, counts: null, cloud: null },
  ...over,
});
const question = (over: Partial<QuizQuestionView> = {}): QuizQuestionView => ({
  id: "q1",
  itemId: "i",
  position: 1,
  kind: "single",
  prompt: "?",
  options: ["A", "B"],
  unit: null,
  multiplier: 1,
  status: "open",
  startedAt: 0,
  endsAt: 1,
  roundId: null,
  key: null,
  distribution: null,
  ...over,
});
const quiz = (q: QuizQuestionView | null, over: Partial<QuizView> = {}): QuizView => ({
  question: q,
  progress: null,
  asked: 0,
  bank: 3,
  round: null,
  leaderboard: [],
  podium: null,
  ...over,
});
const shown = (r: RoundView | null, p: PollView | null, q: QuizQuestionView | null, over: Partial<QuizView> = {}) => ({
  debate: { round: r },
  polls: { current: p, persuasion: null },
  quiz: quiz(q, over),
});

describe("what the projector shows", () => {
  it("shows first what is open now: a question, then a poll, then a running round", () => {
    expect(firstStage(shown(round(), poll(), question()))).toBe("quiz");
    expect(firstStage(shown(round(), poll(), question({ status: "closed" })))).toBe("poll");
    expect(firstStage(shown(round(), poll({ status: "closed" }), null))).toBe("round");
    expect(firstStage(shown(round({ kind: "poll" }), poll({ status: "closed" }), null))).toBe("poll");
    expect(firstStage(shown(round({ status: "closed" }), poll({ status: "closed" }), null))).toBe("poll");
    expect(firstStage(shown(null, null, null))).toBe("round");
  });

  it("hands the screen to whatever changed last, and keeps it while nothing does", () => {
    let view = shown(round(), null, null);
    let stage = firstStage(view);
    const step = (next: ReturnType<typeof shown>) => {
      stage = nextStage(stageKeys(view), next, stage);
      view = next;
      return stage;
    };
    expect(stage).toBe("round");
    expect(step(shown(round(), poll(), null))).toBe("poll");
    expect(step(shown(round(), poll({ tally: { pollId: "p1", seq: 2, voted: 1, of: 3, counts: null, cloud: null } }), null))).toBe("poll");
    expect(step(shown(round({ status: "closed" }), poll(), null))).toBe("round");
    expect(step(shown(round({ status: "closed" }), poll({ status: "closed" }), null))).toBe("poll");
    expect(step(shown(round({ status: "closed" }), poll({ status: "closed" }), question()))).toBe("quiz");
    expect(step(shown(round({ status: "closed" }), poll({ status: "closed" }), question({ status: "closed" })))).toBe("quiz");
    expect(step(shown(round({ id: "r2" }), poll({ status: "closed" }), question({ status: "closed" })))).toBe("round");
  });

  it("takes a poll or quiz round for its poll or quiz, whichever event comes first", () => {
    let view = shown(round({ status: "closed" }), null, null);
    const stage = nextStage(stageKeys(view), shown(round({ status: "closed" }), poll({ roundId: "r2" }), null), "round");
    expect(stage).toBe("poll");
    view = shown(round({ status: "closed" }), poll({ roundId: "r2" }), null);
    expect(nextStage(stageKeys(view), shown(round({ id: "r2", kind: "poll" }), poll({ roundId: "r2" }), null), stage)).toBe("poll");
    view = shown(null, null, null);
    expect(nextStage(stageKeys(view), shown(round({ kind: "quiz" }), null, null, { round: { roundId: "r1", asked: 0, of: 3 } }), "round")).toBe("round");
  });

  it("shows the podium once a quiz round closes", () => {
    const podium = { top: [], sides: [] };
    const before = shown(round({ kind: "quiz" }), null, question({ status: "closed" }));
    expect(nextStage(stageKeys(before), shown(round({ kind: "quiz", status: "closed" }), null, question({ status: "closed" }), { podium }), "quiz")).toBe(
      "quiz"
    );
  });
});
