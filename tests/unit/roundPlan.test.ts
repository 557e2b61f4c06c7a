import { describe, expect, it } from "vitest";
import { adaptRoundPlan, type Round } from "../../server/live/rounds/plan";

const rounds: Round[] = [
  { kind: "poll", title: "Before", sides: [], seconds: 60, poll: "before" },
  { kind: "opening", title: "Openings", sides: ["a", "b"], seconds: 300 },
  { kind: "quiz", title: "Quiz", sides: [], seconds: 240, questions: 10 },
];

describe("adaptRoundPlan", () => {
  it("keeps the chosen rounds in the scenario's order with the teacher's times", () => {
    const result = adaptRoundPlan(rounds, [
      { index: 2, seconds: 120 },
      { index: 0, seconds: 60 },
    ]);
    expect(result).toEqual({ ok: true, plan: [rounds[0], { ...rounds[2], seconds: 120 }] });
  });

  it("refuses an empty plan, unknown or repeated rounds, and times out of range", () => {
    expect(adaptRoundPlan(rounds, [])).toEqual({ ok: false, message: "Keep at least one round." });
    expect(adaptRoundPlan(rounds, [{ index: 3, seconds: 60 }])).toMatchObject({ ok: false, message: "That round is not part of this scenario." });
    expect(adaptRoundPlan(rounds, [{ index: -1, seconds: 60 }])).toMatchObject({ ok: false });
    expect(
      adaptRoundPlan(rounds, [
        { index: 1, seconds: 60 },
        { index: 1, seconds: 90 },
      ]),
    ).toMatchObject({ ok: false, message: "“Openings” is listed twice." });
    expect(adaptRoundPlan(rounds, [{ index: 1, seconds: 5 }])).toMatchObject({ ok: false, message: expect.stringContaining("between 10 seconds and 60 minutes") });
    expect(adaptRoundPlan(rounds, [{ index: 1, seconds: 3601 }])).toMatchObject({ ok: false });
    expect(adaptRoundPlan(rounds, [{ index: 1, seconds: 90.5 }])).toMatchObject({ ok: false });
  });
});
