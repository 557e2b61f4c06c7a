// Turns engine errors into HTTP answers for loaders: a missing session (or a code that cannot be
// one) is a 404 page, too many wrong codes a 429.
import { isLiveError } from "../../server/live/errors";

const STATUS = { not_found: 404, invalid: 404, rate_limited: 429 } as const;

export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isLiveError(error) && error.code in STATUS) throw new Response(error.message, { status: STATUS[error.code as keyof typeof STATUS] });
    throw error;
  }
}

/**
 * What the engine found, or undefined when it says there is no such thing (a stale seat cookie,
 * a mistyped code). Any other failure, a database outage above all, is not "no seat": it goes on
 * to its own answer (503) instead of sending a student back to the join form.
 */
export async function unlessMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (isLiveError(error) && (error.code === "not_found" || error.code === "invalid")) return undefined;
    throw error;
  }
}
