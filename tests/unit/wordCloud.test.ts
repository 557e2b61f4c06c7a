// A text poll's word cloud as the projector and the teacher see it: which entries count as the
// same, how they are counted and ordered, what hiding does, and the size limit.
import { describe, expect, it } from "vitest";
import { entryKey, WORD_CLOUD_MAX, wordCloud } from "../../server/live/scoring/wordCloud";

describe("entryKey", () => {
  it("trims, folds white space to one space and lower-cases", () => {
    expect(entryKey("  Fair   Trade ")).toBe("fair trade");
    expect(entryKey("fair\ttrade\n")).toBe("fair trade");
    expect(entryKey("JOBS")).toBe("jobs");
  });

  it("folds compatible Unicode forms (NFKC), so look-alike typing counts once", () => {
    expect(entryKey("Ｊｏｂｓ")).toBe("jobs"); // full-width letters
    expect(entryKey("ﬁsh")).toBe("fish"); // the fi ligature
    expect(entryKey("fair\u3000trade")).toBe("fair trade"); // ideographic space
    expect(entryKey("cafe\u0301")).toBe(entryKey("café")); // e + combining accent
    expect(entryKey("Øresund")).toBe("øresund");
  });

  it("leaves nothing of blank text", () => {
    expect(entryKey(" \t\n ")).toBe("");
  });
});

describe("wordCloud", () => {
  it("counts entries per key, most frequent first, then alphabetically", () => {
    const entries = ["Jobs", "jobs ", "Fish", "trade", "JOBS", "fish", "aid", "Trade"];
    expect(wordCloud(entries, new Set())).toEqual([
      { text: "jobs", count: 3 },
      { text: "fish", count: 2 },
      { text: "trade", count: 2 },
      { text: "aid", count: 1 },
    ]);
  });

  it("does not count blank entries", () => {
    expect(wordCloud(["  ", "", "aid"], new Set())).toEqual([{ text: "aid", count: 1 }]);
    expect(wordCloud([], new Set())).toEqual([]);
  });

  it("drops the entries the teacher hid, and keeps them marked in the teacher's own view", () => {
    const entries = ["jobs", "Rude Word", "rude  word", "fish", "jobs"];
    const hidden = new Set(["rude word"]);
    expect(wordCloud(entries, hidden)).toEqual([
      { text: "jobs", count: 2 },
      { text: "fish", count: 1 },
    ]);
    expect(wordCloud(entries, hidden, { keepHidden: true })).toEqual([
      { text: "jobs", count: 2 },
      { text: "rude word", count: 2, hidden: true },
      { text: "fish", count: 1 },
    ]);
    expect(wordCloud(entries, hidden, { keepHidden: false })).toEqual(wordCloud(entries, hidden));
  });

  it("shows at most 100 entries, the most frequent, and still every one of them to the teacher", () => {
    // 150 different entries: entry n given n times, so the top 100 are 150 down to 51.
    const entries = Array.from({ length: 150 }, (_, i) => Array<string>(i + 1).fill(`w${i + 1}`)).flat();
    const cloud = wordCloud(entries, new Set());
    expect(WORD_CLOUD_MAX).toBe(100);
    expect(cloud).toHaveLength(100);
    expect(cloud[0]).toEqual({ text: "w150", count: 150 });
    expect(cloud[99]).toEqual({ text: "w51", count: 51 });
    // Hiding the top entry lets the next one in: the class still sees 100.
    const hidden = new Set(["w150"]);
    expect(wordCloud(entries, hidden).at(-1)).toEqual({ text: "w50", count: 50 });
    // The teacher sees the same 100 and the hidden one besides.
    const teacher = wordCloud(entries, hidden, { keepHidden: true });
    expect(teacher).toHaveLength(101);
    expect(teacher.filter((e) => !e.hidden)).toEqual(wordCloud(entries, hidden));
    expect(teacher[0]).toEqual({ text: "w150", count: 150, hidden: true });
  });
});
