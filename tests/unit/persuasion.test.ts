// The persuasion result as the projector shows it, and the audience points it gives: the numbers
// are worked out by hand from the rules in README.md "Scoring".
import { describe, expect, it } from "vitest";
import { pollSchema } from "../../content/schema";
import { MOTION_OPTIONS, pollOptions, SCALE_OPTIONS } from "../../server/live/polls/options";
import { AUDIENCE_POINTS, audiencePoints, motionStance, persuasion } from "../../server/live/scoring/persuasion";
import type { Persuasion, Stance3 } from "../../server/live/views/types";

/** A poll's votes: `group` names the students (group-1, group-2, …) so two polls can share them. */
function votes(...groups: [group: string, stance: Stance3, count: number][]): Map<string, Stance3> {
  const map = new Map<string, Stance3>();
  for (const [group, stance, count] of groups) for (let i = 1; i <= count; i++) map.set(`${group}-${i}`, stance);
  return map;
}

const flowOf = (result: Persuasion | null) =>
  Object.fromEntries((result?.flow ?? []).filter((f) => f.count > 0).map((f) => [`${f.from}>${f.to}`, f.count]));

describe("pollOptions", () => {
  const poll = (input: Record<string, unknown>) => pollSchema.parse({ id: "p", prompt: "P?", when: "any", ...input });

  it("gives each kind its options", () => {
    expect(pollOptions(poll({ kind: "motion" }))).toEqual(["For", "Against", "Undecided"]);
    const scale = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];
    expect(pollOptions(poll({ kind: "motion", scale: true }))).toEqual(scale);
    expect(pollOptions(poll({ kind: "motion", scale: false }))).toEqual(["For", "Against", "Undecided"]);
    expect(pollOptions(poll({ kind: "scale" }))).toEqual(scale);
    expect(pollOptions(poll({ kind: "choice", options: ["Tea", "Coffee"] }))).toEqual(["Tea", "Coffee"]);
    expect(pollOptions(poll({ kind: "multiple", options: ["x", "y", "z"] }))).toEqual(["x", "y", "z"]);
    expect(pollOptions(poll({ kind: "text" }))).toEqual([]);
  });

  it("hands out a copy, so a caller cannot change the fixed labels", () => {
    pollOptions(poll({ kind: "scale" })).push("Other");
    expect(pollOptions(poll({ kind: "scale" }))).toHaveLength(5);
  });
});

describe("motionStance", () => {
  it("reads For, Against, Undecided by position", () => {
    expect([0, 1, 2].map((i) => motionStance(MOTION_OPTIONS.length, i))).toEqual(["for", "against", "undecided"]);
  });

  it("reads the 1-5 scale as 1-2 against, 3 undecided, 4-5 for", () => {
    expect([0, 1, 2, 3, 4].map((i) => motionStance(SCALE_OPTIONS.length, i))).toEqual(["against", "against", "undecided", "for", "for"]);
  });

  it("refuses what is not a motion vote", () => {
    expect(() => motionStance(3, 3)).toThrow();
    expect(() => motionStance(5, -1)).toThrow();
    expect(() => motionStance(4, 0)).toThrow();
  });
});

describe("persuasion", () => {
  it("is null until both polls have a vote", () => {
    expect(persuasion(new Map(), votes(["s", "for", 3]))).toBeNull();
    expect(persuasion(votes(["s", "for", 3]), new Map())).toBeNull();
  });

  it("gives the README's worked example: For gains more and wins though Against still has more votes", () => {
    // 40 students vote both times. Before: 12 for, 20 against, 8 undecided.
    // After: 4 undecided and 1 against move to for: 17 for, 19 against, 4 undecided.
    const before = votes(["f", "for", 12], ["a", "against", 20], ["u", "undecided", 8]);
    const after = new Map(before);
    for (let i = 1; i <= 4; i++) after.set(`u-${i}`, "for");
    after.set("a-1", "for");
    const result = persuasion(before, after);
    expect(result).toMatchObject({
      before: { for: 30, against: 50, undecided: 20, votes: 40 },
      after: { for: 42.5, against: 47.5, undecided: 10, votes: 40 },
      gain: { for: 12.5, against: -2.5 },
      winner: "for",
      onlyBefore: 0,
      onlyAfter: 0,
    });
    expect(flowOf(result)).toEqual({ "for>for": 12, "against>for": 1, "against>against": 19, "undecided>for": 4, "undecided>undecided": 4 });
  });

  it("keeps shares exact and compares them in percent of each poll's own votes", () => {
    // Before: 1 of 3 for (33.33 %), 2 of 3 against. After: 3 of 6 for (50 %), 3 of 6 against (50 %).
    const result = persuasion(votes(["b", "for", 1], ["c", "against", 2]), votes(["d", "for", 3], ["e", "against", 3]));
    expect(result?.before.for).toBeCloseTo(100 / 3, 12);
    expect(result?.gain.for).toBeCloseTo(50 - 100 / 3, 12);
    expect(result?.gain.against).toBeCloseTo(50 - 200 / 3, 12);
    expect(result?.winner).toBe("for");
    expect(result?.onlyBefore).toBe(3);
    expect(result?.onlyAfter).toBe(6);
    expect(flowOf(result)).toEqual({});
  });

  it("names Against when it gains more, even if both sides lose share", () => {
    // Before 10 for, 10 against of 20; after: 8 for, 9 against, 3 undecided.
    const before = votes(["f", "for", 10], ["a", "against", 10]);
    const after = new Map(before);
    after.set("f-1", "undecided").set("f-2", "undecided").set("a-1", "undecided");
    const result = persuasion(before, after);
    expect(result?.gain).toEqual({ for: -10, against: -5 });
    expect(result?.winner).toBe("against");
  });

  it("calls equal gains a tie, including where the percentages do not add up exactly in binary", () => {
    const same = votes(["s", "for", 2], ["t", "against", 2], ["u", "undecided", 3]);
    expect(persuasion(same, same)?.winner).toBe("tie");
    // 3 of 7 → 4 of 7 for and 1 of 7 → 2 of 7 against: both gain 100/7 points.
    const result = persuasion(
      votes(["f", "for", 3], ["a", "against", 1], ["u", "undecided", 3]),
      votes(["f", "for", 4], ["a", "against", 2], ["u", "undecided", 1]),
    );
    expect(result?.gain.for).not.toBe(result?.gain.against); // 14.285714285714292 vs …286
    expect(result?.winner).toBe("tie");
  });

  it("lists every pair of the flow, zeros included, over students who voted both times", () => {
    const before = new Map<string, Stance3>([
      ["ana", "for"],
      ["ben", "against"],
      ["chea", "undecided"],
      ["dara", "undecided"],
      ["eli", "for"], // only before
    ]);
    const after = new Map<string, Stance3>([
      ["ana", "against"],
      ["ben", "against"],
      ["chea", "for"],
      ["dara", "for"],
      ["fay", "for"], // only after
      ["gus", "undecided"], // only after
    ]);
    const result = persuasion(before, after);
    expect(result?.flow).toEqual([
      { from: "for", to: "for", count: 0 },
      { from: "for", to: "against", count: 1 },
      { from: "for", to: "undecided", count: 0 },
      { from: "against", to: "for", count: 0 },
      { from: "against", to: "against", count: 1 },
      { from: "against", to: "undecided", count: 0 },
      { from: "undecided", to: "for", count: 2 },
      { from: "undecided", to: "against", count: 0 },
      { from: "undecided", to: "undecided", count: 0 },
    ]);
    expect(result?.onlyBefore).toBe(1);
    expect(result?.onlyAfter).toBe(2);
    // The shares count every vote of each poll, not only the students who voted twice.
    expect(result?.before).toEqual({ for: 40, against: 20, undecided: 40, votes: 5 });
    expect(result?.after.votes).toBe(6);
  });

  it("works from scale votes mapped to stances", () => {
    const scale = (choicesById: Record<string, number>) =>
      new Map(Object.entries(choicesById).map(([id, choice]) => [id, motionStance(SCALE_OPTIONS.length, choice)]));
    // Ana 2 → 4, Ben 1 → 3, Chea 3 → 5, Dara 5 → 5
    const result = persuasion(scale({ ana: 1, ben: 0, chea: 2, dara: 4 }), scale({ ana: 3, ben: 2, chea: 4, dara: 4 }));
    expect(result?.before).toEqual({ for: 25, against: 50, undecided: 25, votes: 4 });
    expect(result?.after).toEqual({ for: 75, against: 0, undecided: 25, votes: 4 });
    expect(result?.winner).toBe("for");
    expect(flowOf(result)).toEqual({ "against>for": 1, "against>undecided": 1, "undecided>for": 1, "for>for": 1 });
  });
});

describe("audiencePoints", () => {
  const sides = [
    { id: "gov", stance: "for" as const },
    { id: "opp", stance: "against" as const },
    { id: "us", stance: "for" as const },
    { id: "ngo", stance: "mixed" as const },
    { id: "eu", stance: "mixed" as const, leans: "against" as const },
  ];
  const resultWith = (winner: Persuasion["winner"]) => ({ ...persuasion(votes(["s", "for", 1]), votes(["s", "for", 1]))!, winner });

  it("gives 100 to every side that argues the case that won the room, a mixed side by the way it leans, and 0 to the others", () => {
    expect(AUDIENCE_POINTS).toBe(100);
    expect(Object.fromEntries(audiencePoints(resultWith("for"), sides))).toEqual({ gov: 100, opp: 0, us: 100, ngo: 0, eu: 0 });
    expect(Object.fromEntries(audiencePoints(resultWith("against"), sides))).toEqual({ gov: 0, opp: 100, us: 0, ngo: 0, eu: 100 });
  });

  it("gives nothing on a tie or before there is a result", () => {
    expect(Object.fromEntries(audiencePoints(resultWith("tie"), sides))).toEqual({ gov: 0, opp: 0, us: 0, ngo: 0, eu: 0 });
    expect(Object.fromEntries(audiencePoints(null, sides))).toEqual({ gov: 0, opp: 0, us: 0, ngo: 0, eu: 0 });
  });
});
