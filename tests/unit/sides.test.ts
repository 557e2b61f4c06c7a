import { describe, expect, it } from "vitest";
import { autoBalance, countBySide, seatTotal, smallestSide, type Seat } from "../../server/live/lobby/sides";

const sides = ["gov", "opp", "us"];
const seats = (...sideIds: (string | null)[]): Seat[] => sideIds.map((sideId, i) => ({ id: `p${i}`, sideId }));
const apply = (list: Seat[], moves: Map<string, string>) => list.map((s) => ({ ...s, sideId: moves.get(s.id) ?? s.sideId }));
const sizes = (list: Seat[]) => sides.map((side) => list.filter((s) => s.sideId === side).length);

describe("autoBalance", () => {
  it("spreads unassigned students evenly in join order", () => {
    const list = seats(null, null, null, null, null, null, null);
    const moves = autoBalance(list, sides);
    expect(sizes(apply(list, moves))).toEqual([3, 2, 2]);
    expect(moves.get("p0")).toBe("gov");
    expect(moves.get("p1")).toBe("gov");
  });

  it("is stable: a balanced room is left as it is", () => {
    const list = seats("us", "opp", "gov", "us", "opp");
    expect(autoBalance(list, sides).size).toBe(0);
    const once = apply(seats(null, null, null, null, "gov", "gov", "gov", "gov"), autoBalance(seats(null, null, null, null, "gov", "gov", "gov", "gov"), sides));
    expect(autoBalance(once, sides).size).toBe(0);
  });

  it("moves as few students as it can, the most recent joiners first", () => {
    const list = seats("gov", "gov", "gov", "gov", "opp", "us");
    const moves = autoBalance(list, sides);
    expect(moves).toEqual(new Map([["p2", "opp"], ["p3", "us"]]));
    expect(sizes(apply(list, moves))).toEqual([2, 2, 2]);
  });

  it("treats a side that no longer exists as unassigned", () => {
    const list = seats("old", "gov");
    expect(sizes(apply(list, autoBalance(list, sides)))).toEqual([1, 1, 0]);
  });

  it("does nothing without sides or students", () => {
    expect(autoBalance(seats(null), []).size).toBe(0);
    expect(autoBalance([], sides).size).toBe(0);
  });
});

describe("smallestSide", () => {
  it("picks the smallest side, the first listed on a tie", () => {
    expect(smallestSide(countBySide(seats("gov", "opp")), sides)).toBe("us");
    expect(smallestSide(countBySide(seats("gov", "opp", "us")), sides)).toBe("gov");
    expect(smallestSide(new Map(), sides)).toBe("gov");
    expect(smallestSide(new Map(), [])).toBeUndefined();
  });

  it("counts only the scenario's sides: unassigned seats and sides it no longer has fill none of them", () => {
    expect(smallestSide(countBySide(seats(null, null, "old", "gov", "opp")), sides)).toBe("us");
    expect(smallestSide(new Map([["gov", 3], ["opp", 2], ["us", 2], [null, 9]]), sides)).toBe("opp");
  });
});

describe("countBySide and seatTotal", () => {
  it("count seats per side, unassigned ones under null, and all of them together", () => {
    const counts = countBySide(seats("gov", null, "gov", "old", null, null));
    expect(counts).toEqual(new Map<string | null, number>([["gov", 2], [null, 3], ["old", 1]]));
    expect(seatTotal(counts)).toBe(6);
    expect(seatTotal(new Map())).toBe(0);
  });
});
