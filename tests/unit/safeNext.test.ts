import { describe, expect, it } from "vitest";
import { safeNext } from "../../app/lib/teacher.server";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/teacher/sessions/1?x=1#top")).toBe("/teacher/sessions/1?x=1#top");
    expect(safeNext("/")).toBe("/");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example/phish",
      "/\t/evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "https://evil.example",
      "evil",
      "",
      null,
      undefined,
    ])
      expect(safeNext(next), String(next)).toBe("/teacher");
  });
});
