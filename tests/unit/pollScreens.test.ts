import { describe, expect, it } from "vitest";
import {
  bars,
  chartOf,
  cloudSize,
  flowCount,
  gainNumber,
  gainText,
  movedCount,
  percent,
  persuasionWinner,
  pollNews,
  resultsSentence,
  scaleAverage,
  shareText,
  voteText,
  votedLine,
} from "../../app/lib/polls";
import type { Persuasion, PollView } from "../../server/live/views/types";

const poll = (over: Partial<PollView>): PollView => ({
  id: "p",
  kind: "choice",
  prompt: "Which?",
  options: ["A", "B", "C"],
  phase: null,
  results: "live",
  anonymous: false,
  status: "open",
  revealed: false,
  roundId: null,
  tally: { pollId: "p", seq: 1, voted: 0, of: 10, counts: [0, 0, 0], cloud: null },
  ...over,
});

const persuasion = (over: Partial<Persuasion> = {}): Persuasion => ({
  before: { for: 40, against: 40, undecided: 20, votes: 10 },
  after: { for: 60, against: 33.333333, undecided: 6.666667, votes: 9 },
  gain: { for: 20, against: -6.666667 },
  winner: "for",
  flow: [
    { from: "for", to: "for", count: 4 },
    { from: "against", to: "for", count: 1 },
    { from: "undecided", to: "for", count: 1 },
    { from: "against", to: "against", count: 3 },
  ],
  onlyBefore: 1,
  onlyAfter: 0,
  ...over,
});

describe("poll screens", () => {
  it("gives each option its whole-percent share of the students who voted", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(bars(["For", "Against", "Undecided"], [2, 1, 1], 4).map((b) => b.percent)).toEqual([50, 25, 25]);
    // Multiple choice: shares of voters, which can add past 100.
    expect(bars(["A", "B"], [3, 2], 3).map((b) => b.percent)).toEqual([100, 67]);
    // A count ahead of its voter never draws a bar past the end.
    expect(bars(["A", "B"], [2, 0], 1).map((b) => b.percent)).toEqual([100, 0]);
    expect(bars(["A", "B"], [], 0)).toEqual([
      { label: "A", count: 0, percent: 0 },
      { label: "B", count: 0, percent: 0 },
    ]);
  });

  it("draws text as a cloud, the 1-5 scale (also a motion on the scale) as a distribution, the rest as bars", () => {
    expect(chartOf({ kind: "text", options: [] })).toBe("cloud");
    expect(chartOf({ kind: "scale", options: ["1", "2", "3", "4", "5"] })).toBe("scale");
    expect(chartOf({ kind: "motion", options: ["1", "2", "3", "4", "5"] })).toBe("scale");
    expect(chartOf({ kind: "motion", options: ["For", "Against", "Undecided"] })).toBe("bars");
    expect(chartOf({ kind: "multiple", options: ["A", "B"] })).toBe("bars");
  });

  it("averages the scale to one decimal, and has none before a vote", () => {
    expect(scaleAverage([0, 0, 1, 1, 1])).toBe(4);
    expect(scaleAverage([1, 0, 0, 0, 2])).toBe(3.7);
    expect(scaleAverage([0, 0, 0, 0, 0])).toBeNull();
  });

  it("says how many have voted in a sentence that agrees with the number", () => {
    expect(votedLine({ voted: 12, of: 30 })).toBe("12 of 30 have voted");
    expect(votedLine({ voted: 1, of: 30 })).toBe("1 of 30 has voted");
    expect(votedLine({ voted: 0, of: 0 })).toBe("0 of 0 have voted");
  });

  it("sizes word-cloud entries from 1 em (rarest) to 3 em (most given)", () => {
    expect(cloudSize(1, 1)).toBe(1);
    expect(cloudSize(5, 5)).toBe(3);
    expect(cloudSize(1, 5)).toBe(1);
    expect(cloudSize(3, 5)).toBe(2);
    expect(cloudSize(2, 4)).toBe(1.67);
  });

  it("puts a vote in words", () => {
    expect(voteText(["A", "B", "C"], { choices: [0, 2], text: null })).toBe("A, C");
    expect(voteText([], { choices: [], text: "trust" })).toBe("“trust”");
  });

  it("says the results in one sentence, or that they are hidden", () => {
    expect(resultsSentence(poll({ tally: { pollId: "p", seq: 1, voted: 3, of: 10, counts: [2, 1, 0], cloud: null } }))).toBe("A: 2, B: 1, C: 0.");
    expect(resultsSentence(poll({ tally: { pollId: "p", seq: 1, voted: 3, of: 10, counts: null, cloud: null } }))).toBe("Results are hidden.");
    const cloud = [
      { text: "trust", count: 3 },
      { text: "aid", count: 1 },
    ];
    expect(resultsSentence(poll({ kind: "text", options: [], tally: { pollId: "p", seq: 1, voted: 4, of: 10, counts: null, cloud } }))).toBe(
      "Most given: trust (3), aid (1)."
    );
  });

  it("has news for a screen reader when a poll opens, is revealed or closes, never per tally", () => {
    const open = poll({ results: "hidden", tally: { pollId: "p", seq: 1, voted: 1, of: 10, counts: null, cloud: null } });
    expect(pollNews(open)).toBe("Poll open: Which?");
    expect(pollNews({ ...open, tally: { ...open.tally, seq: 2, voted: 2 } })).toBe(pollNews(open));
    expect(pollNews({ ...open, revealed: true, tally: { ...open.tally, counts: [1, 0, 0] } })).toBe("Poll open: Which? Results revealed.");
    expect(pollNews({ ...open, status: "closed" })).toBe("Poll closed: Which? Results are shown when the teacher reveals them.");
    expect(pollNews({ ...open, status: "closed", revealed: true, tally: { ...open.tally, counts: [1, 0, 0] } })).toBe("Poll closed: Which? A: 1, B: 0, C: 0.");
  });

  it("puts the persuasion result in words: shares, gains, the winner and the flow", () => {
    const p = persuasion();
    expect(shareText(33.333333)).toBe("33.3%");
    expect(shareText(60)).toBe("60%");
    expect(gainText(20)).toBe("+20 points");
    expect(gainNumber(-6.666667)).toBe("−6.7");
    expect(gainText(-6.666667)).toBe("−6.7 points");
    expect(persuasionWinner(p)).toBe("For the motion wins the audience: +20 points against −6.7 points.");
    expect(persuasionWinner(persuasion({ winner: "tie", gain: { for: 5, against: 5 } }))).toBe("A tie: both sides of the motion gained +5 points.");
    expect(flowCount(p, "against", "for")).toBe(1);
    expect(flowCount(p, "for", "against")).toBe(0);
    expect(movedCount(p)).toBe(2);
  });
});
