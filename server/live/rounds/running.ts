// What a running round is, in one place: open or paused (a paused round still takes writes).
import { inArray } from "drizzle-orm";
import { rounds, type RoundRow } from "../../../db/schema";

/** The SQL side: the round of a session that is running now. */
export const isRunningRound = inArray(rounds.status, ["open", "paused"]);
/** The same rule for a row already loaded. */
export const isRunning = (round: Pick<RoundRow, "status">) => round.status === "open" || round.status === "paused";
