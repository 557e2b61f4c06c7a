import { describe, expect, it } from "vitest";
import { latestFirst, listNames, nearLimitNotice, nextUpcoming, quoteSpeaker, roundsRun, sideNames, signed, threadsOf, votableFor } from "../../app/lib/debate";
import type { ArgumentView, PlanItem } from "../../server/live/views/types";

const plan = (statuses: PlanItem["status"][]): PlanItem[] =>
  statuses.map((status, index) => ({ index, kind: "opening", title: `R${index}`, sides: ["a"], seconds: 60, status, roundId: status === "upcoming" ? null : `r${index}`, revealed: false }));

let at = 0;
const arg = (over: Partial<ArgumentView>): ArgumentView => ({
  id: `x${at}`,
  roundId: "r1",
  participantId: "p",
  author: "Ana",
  sideId: "a",
  kind: "argument",
  body: "text",
  cards: [],
  targetSideId: null,
  replyTo: null,
  revision: 1,
  createdAt: at++,
  challenges: [],
  ...over,
});

describe("debate screens", () => {
  it("starts the first upcoming round next, past skipped and closed ones", () => {
    expect(nextUpcoming(plan(["closed", "skipped", "upcoming", "upcoming"]))?.index).toBe(2);
    expect(nextUpcoming(plan(["closed", "skipped"]))).toBeNull();
  });

  it("lists only rounds that were run for looking back", () => {
    expect(roundsRun(plan(["closed", "skipped", "open", "upcoming"])).map((p) => p.index)).toEqual([0, 2]);
  });

  it("names sides, keeping an unknown id readable", () => {
    const name = sideNames([{ id: "a", name: "Port" }]);
    expect(name("a")).toBe("Port");
    expect(name("zz")).toBe("zz");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
    expect(listNames(["A"])).toBe("A");
  });

  it("threads crossfire: questions oldest first, each with its own answers", () => {
    const q1 = arg({ id: "q1", kind: "question", targetSideId: "b" });
    const q2 = arg({ id: "q2", kind: "question", targetSideId: "a", sideId: "b" });
    const a2 = arg({ id: "a2", kind: "answer", replyTo: "q2" });
    const a1 = arg({ id: "a1", kind: "answer", replyTo: "q1", sideId: "b" });
    expect(threadsOf([a2, q2, a1, q1])).toEqual([
      { question: q1, answers: [a1] },
      { question: q2, answers: [a2] },
    ]);
  });

  it("offers a student votes only for other sides' items of that round", () => {
    const mine = arg({ sideId: "a" });
    const theirs = arg({ sideId: "b" });
    const elsewhere = arg({ sideId: "b", roundId: "r2" });
    expect(votableFor([mine, theirs, elsewhere], "r1", "a")).toEqual([theirs]);
  });

  it("shows the newest first, limited", () => {
    const [a, b, c] = [arg({}), arg({}), arg({})];
    expect(latestFirst([a, b, c], 2)).toEqual([c, b]);
  });

  it("signs points with a real minus", () => {
    expect([signed(10), signed(-30), signed(0)]).toEqual(["+10", "−30", "0"]);
  });

  it("announces the character count only in steps near the limit", () => {
    expect(nearLimitNotice(899, 1000)).toBe("");
    expect(nearLimitNotice(900, 1000)).toBe("100 characters left or fewer.");
    expect(nearLimitNotice(949, 1000)).toBe(nearLimitNotice(920, 1000));
    expect(nearLimitNotice(950, 1000)).toBe("50 characters left or fewer.");
    expect(nearLimitNotice(1000, 1000)).toBe("Limit reached: 1000 of 1000 characters.");
  });
});

describe("quoteSpeaker", () => {
  it("leaves the article out, since the source line names it, and keeps people and what the article reports", () => {
    expect(quoteSpeaker("the article")).toBeNull();
    expect(quoteSpeaker("the article (Khmer Times)")).toBeNull();
    expect(quoteSpeaker("the article (VOA, reporting what rights groups say)")).toBe("Reporting what rights groups say");
    expect(quoteSpeaker("the article (Khmer Times), reporting the US government's view")).toBe("Reporting the US government's view");
    expect(quoteSpeaker("the article, summing up what Prime Minister Hun Sen has said")).toBe("Summing up what Prime Minister Hun Sen has said");
    expect(quoteSpeaker("Chheang Vannarith, writing in Khmer Times")).toBe("Chheang Vannarith, writing in Khmer Times");
    expect(quoteSpeaker("the articles' authors")).toBe("the articles' authors");
  });

  it("reads a speaker written over several lines, as a YAML block gives it", () => {
    expect(quoteSpeaker("the article, reporting what\nrights groups say")).toBe("Reporting what\nrights groups say");
  });
});
