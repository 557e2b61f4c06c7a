// Rate limits for pages that write: a class behind one school address joins within a minute;
// a script filling seats does not get far.
import { RateLimiterMemory } from "rate-limiter-flexible";

const joinAttempts = new RateLimiterMemory({ points: 120, duration: 60 });

export const mayJoin = (clientAddress: string) => joinAttempts.consume(clientAddress).then(() => true, () => false);
