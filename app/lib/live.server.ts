// Turns engine errors into HTTP answers for loaders: a missing session is a 404 page.
import { isLiveError } from "../../server/live/errors";

export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isLiveError(error) && error.code === "not_found") throw new Response(error.message, { status: 404 });
    throw error;
  }
}
