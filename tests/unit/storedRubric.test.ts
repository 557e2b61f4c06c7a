import { describe, expect, it } from "vitest";
import { defaultRubric, type PackedScenario } from "../../content/schema";
import { withRubricLevels } from "../../server/live/scenarios";

const stored = (rubric: unknown) => ({ id: "s", rubric }) as unknown as PackedScenario;

describe("a scenario version stored before rubrics had descriptors", () => {
  it("gets the default rubric's descriptors back, and plain ones for its own criteria", () => {
    const old = stored([
      { id: "evidence", label: "Use of evidence", weight: 3 },
      { id: "style", label: "Style", weight: 1 },
    ]);
    const [evidence, style] = withRubricLevels(old).rubric;
    expect(evidence.levels).toEqual(defaultRubric.find((c) => c.id === "evidence")!.levels);
    expect(style.levels).toEqual(["Weak", "Limited", "Adequate", "Good", "Excellent"]);
  });

  it("leaves a current rubric as it is", () => {
    const current = stored(defaultRubric);
    expect(withRubricLevels(current)).toBe(current);
  });
});
