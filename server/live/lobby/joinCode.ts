// Join codes are read off a projector and typed on phones: six characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), case-insensitive, spaces and dashes ignored.
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The canonical form of what a student typed, or undefined when it cannot be a join code. */
export function normalizeJoinCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return undefined;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
