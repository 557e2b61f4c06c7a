import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, generateJoinCode, normalizeJoinCode } from "../../server/live/lobby/joinCode";

describe("join codes", () => {
  it("use six characters from an alphabet without look-alikes", () => {
    for (const ch of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      expect(normalizeJoinCode(code)).toBe(code);
    }
  });

  it("draws every character from the alphabet", () => {
    let n = 0;
    const code = generateJoinCode(() => n++ % JOIN_CODE_ALPHABET.length);
    expect(code).toBe(JOIN_CODE_ALPHABET.slice(0, 6));
  });

  it("accepts what a student types: any case, spaces and dashes", () => {
    expect(normalizeJoinCode(" k7q-2mx ")).toBe("K7Q2MX");
    expect(normalizeJoinCode("k7q 2mx")).toBe("K7Q2MX");
  });

  it("rejects codes of the wrong length or with look-alike characters", () => {
    expect(normalizeJoinCode("K7Q2M")).toBeUndefined();
    expect(normalizeJoinCode("K7Q2MXX")).toBeUndefined();
    expect(normalizeJoinCode("K7Q2M0")).toBeUndefined();
    expect(normalizeJoinCode("K7Q2MI")).toBeUndefined();
    expect(normalizeJoinCode("")).toBeUndefined();
  });
});
