// Display names: the one rule for what a student may be called, used when joining and when the
// teacher renames someone. A name is NFKC-normalized (so full-width "Ａdmin" is "Admin"),
// trimmed, 1-30 characters, must show something, is not reserved and is fit for a classroom.
// Its key says when two names are "the same" in a session: case, inner spacing and invisible
// characters do not count, so "Dara" and "Dara\u3164" clash.
import { NAME_MAX_LENGTH } from "../../limits";
import { containsProfanity } from "./profanity";

/** Names that would pass for the teacher or the app; the session's teacher's own name is added per session. */
export const RESERVED_NAMES = ["Teacher", "Admin", "Administrator", "Host", "Moderator", "Projector", "Rostrum", "System"];

export type NameCheck = { ok: true; name: string; key: string } | { ok: false; message: string };

// Hangul fillers and the braille blank are letters and symbols to Unicode, but show nothing.
const BLANKS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
// Zero-width and other default-ignorable or format characters: allowed (emoji and some scripts
// join with them), but they neither count as something shown nor make a name different.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
// Control characters, and direction overrides that reorder what people read ("rtl\u202Etrick").
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

// Latin, Cyrillic and Greek share look-alike letters ("Теacher" with a Cyrillic Т and е). A
// name may be written in any one of them, or with other scripts (Khmer and Latin together are
// fine), but not mix two of these three: Unicode's "highly restrictive" level (UTS #39).
const LOOK_ALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];
const mixesLookAlikes = (name: string) => LOOK_ALIKE_SCRIPTS.filter((script) => script.test(name)).length > 1;

const fold = (text: string) => text.replace(/\s+/g, " ").trim();

/** What "the same name" means in a session. */
export const nameKey = (name: string) => fold(name.normalize("NFKC").replace(BLANKS, " ").replace(INVISIBLE, "")).toLocaleLowerCase("en");

// Cyrillic and Greek letters that look like Latin ones (a subset of Unicode's confusables,
// UTS #39), mapped to the Latin letter, so a name written wholly in look-alikes ("Теасһег",
// "Мѕ Ѕокһа") still matches a reserved one. Capitals first: lowering would lose what they look like.
const LOOK_ALIKES = new Map(
  [
    ["АВЕЅІЈКМНОРСТУХҮԜԚ", "ABESIJKMHOPCTYXYWQ"],
    ["аеіјѕһԁӏопрсухгмкԛԝ", "aeijshdlonpcyxrmkqw"],
    ["ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"],
    ["αικνορτυχ", "aiknoptux"],
  ].flatMap(([from, to]) => [...from].map((ch, i) => [ch, to[i]] as const)),
);
const skeleton = (name: string) => [...name.normalize("NFKC")].map((ch) => LOOK_ALIKES.get(ch) ?? ch).join("");

// Reserved names also match with spaces and punctuation added ("T.eacher", "Ms. Chanthy") and
// written in look-alike letters.
const reservedKey = (name: string) => nameKey(skeleton(name)).replace(/[\s\p{P}]/gu, "");

export function checkDisplayName(input: string, reserved: readonly string[] = []): NameCheck {
  const name = fold(input.normalize("NFKC").replace(BLANKS, " "));
  if (name.length === 0) return { ok: false, message: "Please type a name." };
  // Count characters as people see them, so accented and non-Latin names get the full length.
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, message: `Names can be at most ${NAME_MAX_LENGTH} characters.` };
  if (FORBIDDEN.test(name)) return { ok: false, message: "Names cannot contain control characters." };
  // U+FFFD stands where the bytes sent were not readable text.
  if (name.includes("\uFFFD")) return { ok: false, message: "Part of that name could not be read. Please type it again." };
  if (mixesLookAlikes(name))
    return { ok: false, message: "That name mixes letters from different alphabets that look alike. Please write it in one alphabet." };
  if (name.replace(INVISIBLE, "").replace(/[\s\p{Z}\p{M}]/gu, "").length === 0)
    return { ok: false, message: "That name shows nothing on screen. Please type letters or digits people can read." };
  const key = reservedKey(name);
  if (key && [...RESERVED_NAMES, ...reserved].some((r) => reservedKey(r) === key))
    return { ok: false, message: `Students cannot use the name “${name}”. Please use your own name.` };
  if (containsProfanity(name)) return { ok: false, message: "Please choose another name: this one is not suitable for class." };
  return { ok: true, name, key: nameKey(name) };
}
