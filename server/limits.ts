// Explicit limits that both the server and the pages show, in one small module the browser
// bundle can import without pulling in server code.
/** A session takes up to 2,000 students: a school hall, or a year group joining one debate. */
export const CAPACITY = { default: 60, max: 2000 } as const;
export const PASSWORD_MIN_LENGTH = 10;
/** Display names, counted in characters as people see them (server/live/lobby/names.ts has the rule). */
export const NAME_MAX_LENGTH = 30;

/** A scenario file (or its pasted text) on the import page. */
export const IMPORT_MAX_KB = 512;
/**
 * Request bodies. Every form is a few fields (a custom round plan is the largest, well under
 * 16 KB); the import may carry the file and the pasted text, each up to the limit, plus framing.
 */
export const BODY_LIMITS = { form: 64 * 1024, import: 2 * IMPORT_MAX_KB * 1024 + 64 * 1024 } as const;
export const IMPORT_PATH = "/teacher/import";

/** What a student or teacher may write in a debate: characters, and cards cited per argument. */
export const DEBATE_LIMITS = { argument: 1000, comment: 1000, reason: 300, citations: 5 } as const;

/**
 * Polls: a question the teacher types, its options, and a word-cloud entry (a few words, so the
 * cloud stays readable on a projector).
 */
export const POLL_LIMITS = { prompt: 200, option: 120, options: 8, entry: 40 } as const;
