// What a running round is, in one place: open or paused (a paused round still takes writes).
import { inArray } from "drizzle-orm";
import { rounds, type RoundRow } from "../../../db/schema";
import { isRunningStatus, RUNNING_STATUSES } from "./kinds";

/** The SQL side: the round of a session that is running now. */
export const isRunningRound = inArray(rounds.status, [...RUNNING_STATUSES]);
/** The same rule for a row already loaded. */
export const isRunning = (round: Pick<RoundRow, "status">) => isRunningStatus(round.status);
