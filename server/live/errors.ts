// The errors a command can answer with. `code` is stable for clients; `message` is for people.
export type ErrorCode = "invalid" | "not_found" | "forbidden" | "closed" | "full" | "name_taken" | "rate_limited" | "internal";

export class LiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LiveError";
  }
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export function failure(error: unknown): Ack<never> {
  if (error instanceof LiveError) return { ok: false, error: { code: error.code, message: error.message } };
  console.error(error);
  return { ok: false, error: { code: "internal", message: "Something went wrong on the server. Please try again." } };
}
