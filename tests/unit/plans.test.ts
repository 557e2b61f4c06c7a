// The rules of a pack's round plans: floor time per case on the motion, and the short plan.
import { describe, expect, it } from "vitest";
import { floorTime, shortChoices, shortPlanOf } from "../../content/plans";

const sides = [
  { id: "gov", stance: "against" as const },
  { id: "opp", stance: "for" as const },
  { id: "us", stance: "mixed" as const, leans: "for" as const },
  { id: "asean", stance: "mixed" as const },
];

describe("floor time", () => {
  it("shares a speaking round's time equally among its sides, and counts a mixed side for the way it leans", () => {
    const floor = floorTime(
      [
        { kind: "opening", sides: ["gov", "opp", "us"], seconds: 360 },
        { kind: "crossfire", sides: ["gov", "us"], seconds: 200 },
      ],
      sides,
    );
    expect(floor.for).toBe(120 + 120 + 100);
    expect(floor.against).toBe(120 + 100);
    expect(Object.fromEntries(floor.perSide)).toEqual({ gov: 220, opp: 120, us: 220, asean: 0 });
  });

  it("gives no one the floor in prep, polls and quizzes, and none to a mixed side that does not lean", () => {
    const floor = floorTime(
      [
        { kind: "prep", sides: ["gov"], seconds: 300 },
        { kind: "poll", sides: [], seconds: 60 },
        { kind: "quiz", sides: [], seconds: 300 },
        { kind: "closing", sides: ["asean"], seconds: 90 },
      ],
      sides,
    );
    expect(floor.for).toBe(0);
    expect(floor.against).toBe(0);
    expect(floor.perSide.get("asean")).toBe(90);
  });
});

describe("the short plan", () => {
  const rounds: { kind: string; sides: string[]; seconds: number; short?: number }[] = [
    { kind: "poll", sides: [], seconds: 90, short: 60 },
    { kind: "prep", sides: [], seconds: 540 },
    { kind: "opening", sides: ["gov", "opp"], seconds: 600, short: 240 },
    { kind: "poll", sides: [], seconds: 90, short: 60 },
  ];

  it("is the rounds with a short length, in order, at that length", () => {
    expect(shortChoices(rounds)).toEqual([
      { index: 0, seconds: 60 },
      { index: 2, seconds: 240 },
      { index: 3, seconds: 60 },
    ]);
    expect(shortPlanOf(rounds).map((r) => [r.kind, r.seconds])).toEqual([
      ["poll", 60],
      ["opening", 240],
      ["poll", 60],
    ]);
  });

  it("is empty for a pack that offers none", () => {
    expect(shortChoices(rounds.map(({ short: _, ...r }) => r))).toEqual([]);
  });
});
