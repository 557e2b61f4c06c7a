import { describe, expect, it } from "vitest";
import { NAME_MAX_LENGTH } from "../../server/limits";
import { checkDisplayName, nameKey } from "../../server/live/lobby/names";

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

  it("rejects control characters and direction overrides", () => {
    expect(checkDisplayName("bad\u0000name")).toMatchObject({ ok: false });
    expect(checkDisplayName("rtl\u202Etrick")).toMatchObject({ ok: false });
    expect(checkDisplayName("left\u2066isolate")).toMatchObject({ ok: false });
  });

  it("normalizes compatibility forms (NFKC), so full-width letters are plain ones", () => {
    expect(checkDisplayName("Ｄａｒａ")).toEqual({ ok: true, name: "Dara", key: "dara" });
    expect(checkDisplayName("ﬁona")).toMatchObject({ ok: true, name: "fiona" });
  });

  it("refuses names that mix look-alike alphabets, and allows each alphabet alone or with others", () => {
    // Cyrillic letters posing as Latin ones: "Теacher", "Dаra", the teacher's own "Сhanthy".
    for (const mixed of ["\u0422\u0435acher", "D\u0430ra", "Ms \u0421hanthy", "\u0391dmin"])
      expect(checkDisplayName(mixed), mixed).toEqual({ ok: false, message: expect.stringContaining("different alphabets") });
    for (const single of ["Дара", "Ελένη", "Sokha សុខា", "Dara 2"]) expect(checkDisplayName(single), single).toMatchObject({ ok: true });
  });

  it("refuses reserved names written wholly in look-alike Cyrillic or Greek letters", () => {
    // "Теасһег" and "Аԁміп", all Cyrillic.
    for (const copy of ["\u0422\u0435\u0430\u0441\u04bb\u0435\u0433", "\u0410\u0501\u043c\u0456\u043f"])
      expect(checkDisplayName(copy), copy).toMatchObject({ ok: false });
    expect(checkDisplayName("\u041c\u0455 \u0405\u043e\u043a\u04bb\u0430", ["Ms Sokha"])).toEqual({ ok: false, message: expect.stringContaining("Students cannot use the name") });
    expect(checkDisplayName("\u0397\u039f\u039c\u0395", ["Home"])).toMatchObject({ ok: false });
    // Real names in those alphabets are still welcome.
    for (const name of ["Дара", "Анна", "Ελένη"]) expect(checkDisplayName(name, ["Ms Sokha"]), name).toMatchObject({ ok: true });
  });

  it("refuses a name with text that could not be read", () => {
    expect(checkDisplayName("\uFFFDabc")).toEqual({ ok: false, message: "Part of that name could not be read. Please type it again." });
  });

  it("refuses names that show nothing", () => {
    for (const blank of ["\u3164", "\u115F\u1160", "\uFFA0 \uFFA0", "\u2800", "\u200B", "\u00AD\u2060", "\u0301\u0301", " \u034F "])
      expect(checkDisplayName(blank), JSON.stringify(blank)).toMatchObject({ ok: false });
    expect(checkDisplayName("\u200B\u0301")).toMatchObject({ message: expect.stringContaining("shows nothing on screen") });
  });

  it("gives names that differ only by invisible characters the same key", () => {
    expect(checkDisplayName("Dara\u3164")).toMatchObject({ ok: true, key: "dara" });
    expect(nameKey("Da\u200Bra\u00AD")).toBe("dara");
    expect(nameKey("DARA\uFE0F")).toBe(nameKey("dara"));
    // Joiners still shape emoji and some scripts in the name people see.
    expect(checkDisplayName("Dara 👩‍💻")).toMatchObject({ ok: true, name: "Dara 👩‍💻" });
  });

  it("reserves Teacher, a few other official names, and the session's teacher's own name", () => {
    for (const name of ["Teacher", "teacher", "TEACHER.", "Ｔeacher", "Teacher\u3164", "Ａdmin", "Host", "t e a c h e r"])
      expect(checkDisplayName(name), name).toMatchObject({ ok: false, message: expect.stringContaining("Students cannot use the name") });
    expect(checkDisplayName("Ms. Chanthy", ["Ms Chanthy"])).toMatchObject({ ok: false });
    expect(checkDisplayName("Chanthy", ["Ms Chanthy"])).toMatchObject({ ok: true });
    expect(checkDisplayName("Teacher's pet")).toMatchObject({ ok: true });
  });

  it("refuses profanity, also when disguised, and keeps ordinary names", () => {
    for (const name of ["shit", "Sh1t head", "b1tch", "fuuuck"])
      expect(checkDisplayName(name), name).toEqual({ ok: false, message: "Please choose another name: this one is not suitable for class." });
    for (const name of ["Scunthorpe", "Cassandra", "Dickson", "Sokha", "Phuc", "Hancock"]) expect(checkDisplayName(name), name).toMatchObject({ ok: true });
  });
});
