// Versions stored before issue 10 lack the labels the app now shows; they get ones that claim no
// more than the old data shows, so old sessions and imports still render.
import { describe, expect, it } from "vitest";
import type { PackedScenario, Source } from "../../content/schema";
import { withReadingLabels } from "../../server/live/scenarios";

const library: Source[] = [
  { id: "voa", outlet: "VOA", title: "T", author: null, period: "2016", file: "v.txt", type: "report", year: 2016 },
  { id: "kt", outlet: "Khmer Times", title: "O", author: "A", period: "2018", file: "k.txt", type: "opinion", year: 2018 },
];
const oldSource = ({ type: _, year: __, ...s }: Source) => s;
const card = (id: string, source: string, speaker: string) => ({ id, kind: "quote", text: "Words.", speaker, source, use: "Use." });

const stored = {
  id: "old",
  sources: library.map(oldSource),
  cards: [
    card("own-report", "voa", "the article"),
    card("own-opinion", "kt", "the article (Khmer Times)"),
    card("author", "kt", "A, author of the opinion piece"),
    card("named", "voa", "Phay Siphan"),
  ],
  quiz: [{ id: "q", kind: "truefalse", prompt: "P", answer: true, explanation: "E", source: "voa", seconds: 20, points: 1 }],
  glossary: [{ term: "GSP", definition: "A scheme." }],
} as unknown as PackedScenario;

describe("a scenario version stored before packs were labelled", () => {
  const upgraded = withReadingLabels(stored, library);

  it("takes each source's type and year from the sources file", () => {
    expect(upgraded.sources.map((s) => [s.id, s.type, s.year])).toEqual([
      ["voa", "report", 2016],
      ["kt", "opinion", 2018],
    ]);
  });

  it("labels a card in the writer's or the author's own words as its article is, and leaves another named speaker's unlabelled", () => {
    expect(upgraded.cards.map((c) => [c.id, c.sourceType])).toEqual([
      ["own-report", "report"],
      ["own-opinion", "opinion"],
      ["author", "opinion"],
      ["named", undefined],
    ]);
  });

  it("counts its questions as recall and marks no glossary entry as outside the articles", () => {
    expect(upgraded.quiz[0].skill).toBe("recall");
    expect(upgraded.glossary[0].outside).toBe(false);
  });

  it("leaves a labelled version as it is", () => {
    const labelled = { ...upgraded, cards: upgraded.cards.filter((c) => c.sourceType) };
    expect(withReadingLabels(labelled, library)).toBe(labelled);
  });

  it("leaves a source the sources file no longer has as it was", () => {
    const orphan = { ...stored, sources: [...stored.sources, { id: "gone", outlet: "X", title: "Y", author: null, period: "2015", file: "x.txt" }] } as PackedScenario;
    expect(withReadingLabels(orphan, library).sources.at(-1)).toEqual(orphan.sources.at(-1));
  });
});
