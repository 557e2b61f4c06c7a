// Where a device's seat cookie leads in a session: back to its seat, or back to the page where
// it waits for the teacher to let it in.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { isActive } from "../../server/live/lobby/seats";
import { guessCode } from "./codeGuesses.server";
import { orNotFound } from "./live.server";

/** The seat this browser's cookie holds in the session with `code` (removed or not), found without counting a code guess. */
export async function seatOfBrowser(request: Request, context: AppLoadContext, code: string) {
  return context.live.seatInSession(code, await context.cookies.seatTokens(request.headers.get("Cookie")));
}

/**
 * The seat a student's own page needs (their live page, their review); without one, the join form
 * for that code. Only the way to the join form counts as a code guess, so others' guessing cannot
 * lock a seated student out of their own pages; an unknown code is a 404.
 */
export async function requireSeat(request: Request, context: AppLoadContext, code: string) {
  const seat = await seatOfBrowser(request, context, code);
  if (seat) return seat;
  const session = await orNotFound(guessCode(context.clientAddress, () => context.live.sessionByCode(code)));
  throw redirect(`/join?code=${session.code}`);
}

/** This browser's newest request to rejoin in the session with `code`, found without counting a code guess. */
export async function requestOfBrowser(request: Request, context: AppLoadContext, code: string) {
  return context.live.rejoinInSession(code, await context.cookies.seatTokens(request.headers.get("Cookie")));
}

/**
 * Someone who already has a seat in this session goes straight back to it (a rescan, a double
 * tap); someone waiting to be let back in goes back to the waiting page. Either way a second
 * join or request cannot replace the cookie that holds their place. A browser whose seat the
 * teacher removed is answered "removed": it does not come back under a fresh form.
 */
export async function returnToSeat(request: Request, context: AppLoadContext, code: string): Promise<"removed" | undefined> {
  const seat = await seatOfBrowser(request, context, code);
  if (seat && isActive(seat.participant)) throw redirect(`/play/${seat.session.code}`);
  if (seat) return "removed";
  const asked = await requestOfBrowser(request, context, code);
  if (asked?.status === "pending") throw redirect(`/rejoin/${asked.session.code}`);
}
