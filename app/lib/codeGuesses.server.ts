// One limiter for every answer that tells whether a join code exists (the join form, /play/:code).
// Guesses are anonymous, so they are counted per client address, and only failures count: a
// whole class behind one school address joining a real session is never refused here.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { isLiveError, LiveError } from "../../server/live/errors";
import { CAPACITY } from "../../server/limits";

/**
 * As many failed codes per address per 10 minutes as the largest class has students: a whole
 * class behind one school address, each mistyping the code once, is never locked out (a lookup
 * over the limit is refused even for a real code). A script gets 3 guesses a second, so with 31^6
 * possible codes and even a hundred sessions live it needs a month per address to find one.
 * Each lookup takes a point before it runs (so a burst of guesses is counted before any is
 * answered, and a blocked client learns nothing) and gives it back when the code was real.
 */
export const GUESSES = { points: CAPACITY.max, duration: 10 * 60 };
const guesses = new RateLimiterMemory(GUESSES);

const isCodeFailure = (error: unknown) => isLiveError(error) && error.field === "code" && (error.code === "not_found" || error.code === "invalid");

export async function guessCode<T>(clientAddress: string, lookup: () => Promise<T>): Promise<T> {
  try {
    await guesses.consume(clientAddress);
  } catch (refusal) {
    const minutes = refusal instanceof RateLimiterRes ? Math.ceil(refusal.msBeforeNext / 60_000) : GUESSES.duration / 60;
    throw new LiveError("rate_limited", `Too many wrong codes from this network. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`, "code");
  }
  try {
    const result = await lookup();
    await guesses.reward(clientAddress);
    return result;
  } catch (error) {
    if (!isCodeFailure(error)) await guesses.reward(clientAddress);
    throw error;
  }
}
