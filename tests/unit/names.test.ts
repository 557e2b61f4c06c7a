import { describe, expect, it } from "vitest";
import { NAME_MAX_LENGTH, checkDisplayName } from "../../server/live/names";

describe("display names", () => {
  it("trims and folds white space; the key ignores case", () => {
    expect(checkDisplayName("  Sokha   Chan ")).toEqual({ ok: true, name: "Sokha Chan", key: "sokha chan" });
    expect(checkDisplayName("SOKHA CHAN")).toMatchObject({ key: "sokha chan" });
  });

  it(`allows 1 to ${NAME_MAX_LENGTH} characters, counting characters as people see them`, () => {
    expect(checkDisplayName("A")).toMatchObject({ ok: true });
    expect(checkDisplayName("x".repeat(NAME_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(checkDisplayName("x".repeat(NAME_MAX_LENGTH + 1))).toEqual({ ok: false, message: "Names can be at most 30 characters." });
    expect(checkDisplayName("   ")).toEqual({ ok: false, message: "Please type a name." });
    expect(checkDisplayName("សុខា 😀".repeat(4))).toMatchObject({ ok: true });
  });

  it("rejects control characters", () => {
    expect(checkDisplayName("bad\u0000name")).toMatchObject({ ok: false });
    expect(checkDisplayName("rtl\u202Etrick")).toMatchObject({ ok: false });
  });
});
