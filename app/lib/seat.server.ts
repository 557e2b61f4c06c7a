// Where a device's seat cookie leads in a session: back to its seat, or back to the page where
// it waits for the teacher to let it in.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { unlessMissing } from "./live.server";

/**
 * Someone who already has a seat in this session goes straight back to it (a rescan, a double
 * tap); someone waiting to be let back in goes back to the waiting page. Either way a second
 * join or request cannot replace the cookie that holds their place.
 */
export async function returnToSeat(request: Request, context: AppLoadContext, code: string) {
  const session = await unlessMissing(context.live.sessionByCode(code));
  const token = session && (await context.cookies.seatToken(request.headers.get("Cookie"), session.id));
  if (!token) return;
  const seat = await unlessMissing(context.live.seatByToken(token));
  if (seat && !seat.participant.removedAt) throw redirect(`/play/${seat.session.code}`);
  if ((await context.live.rejoinStatus(token))?.status === "pending") throw redirect(`/rejoin/${session.code}`);
}
