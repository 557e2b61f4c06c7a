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
