// Display names: what a student types, trimmed, 1-30 characters, unique in a session
// regardless of case and inner spacing.
export const NAME_MAX_LENGTH = 30;

export type NameCheck = { ok: true; name: string; key: string } | { ok: false; message: string };

export function checkDisplayName(input: string): NameCheck {
  const name = input.normalize("NFC").replace(/\s+/g, " ").trim();
  if (name.length === 0) return { ok: false, message: "Please type a name." };
  // Count characters as people see them, so accented and non-Latin names get the full length.
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, message: `Names can be at most ${NAME_MAX_LENGTH} characters.` };
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return { ok: false, message: "Names cannot contain control characters." };
  return { ok: true, name, key: name.toLocaleLowerCase("en") };
}
