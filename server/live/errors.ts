// The errors a command can answer with. `code` is stable for clients; `message` is for people.
import { isUnreachable, UNREACHABLE_MESSAGE } from "../databaseHealth";
import { logError } from "../errorLog";

// `unavailable`: the database is out of reach for now, the same command may succeed in a moment.
export type ErrorCode = "invalid" | "not_found" | "forbidden" | "closed" | "full" | "name_taken" | "request_pending" | "rate_limited" | "internal" | "unavailable";

export class LiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The form field the error is about, where there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "LiveError";
  }
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };

/** By name, not instanceof: the Remix bundle holds its own copy of this module. */
export function isLiveError(error: unknown): error is LiveError {
  return error instanceof Error && error.name === "LiveError" && typeof (error as LiveError).code === "string";
}

export function failure(error: unknown): Ack<never> {
  if (isLiveError(error))
    return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
  if (isUnreachable(error)) return { ok: false, error: { code: "unavailable", message: UNREACHABLE_MESSAGE } };
  logError("command failed", error);
  return { ok: false, error: { code: "internal", message: "Something went wrong on the server. Please try again." } };
}
