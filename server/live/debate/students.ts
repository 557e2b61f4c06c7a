// What every student write checks first, inside its own transaction and without the session
// lock: the seat is active, the session has not ended, and which scenario it runs.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { participants, rounds, sessions, type RoundRow } from "../../../db/schema";
import { LiveError } from "../errors";
import { REMOVED, requireOpen } from "../guards";
import { isActive } from "../lobby/seats";
import { sideIdsOf, sideOfSeat } from "../lobby/sides";
import type { ScenarioLibrary } from "../scenarios";

export type Student = { participantId: string; sessionId: string };

export async function seatOf(tx: Transaction, scenarios: ScenarioLibrary, student: Student) {
  const [row] = await tx
    .select({ participant: participants, session: sessions })
    .from(participants)
    .innerJoin(sessions, eq(sessions.id, participants.sessionId))
    .where(and(eq(participants.id, student.participantId), eq(participants.sessionId, student.sessionId)))
    // The seat's share lock: a removal or side move waits for this write, and a write after it sees it.
    .for("share", { of: participants });
  if (!row) throw new LiveError("not_found", "We could not find your seat.");
  if (!isActive(row.participant)) throw new LiveError("forbidden", REMOVED);
  requireOpen(row.session);
  const scenario = await scenarios.content(row.session.scenarioVersionId, tx);
  // A side the scenario does not have counts as none, as in every view.
  return { ...row, scenario, sideId: sideOfSeat(row.participant, sideIdsOf(scenario)) };
}

/**
 * The round, read with a share lock: writes into it run side by side, while closing it (an update)
 * waits for them, and a write after the close sees it closed. So a late write is refused in SQL.
 */
export async function roundOf(tx: Transaction, sessionId: string, roundId: string): Promise<RoundRow> {
  const [row] = await tx
    .select()
    .from(rounds)
    .where(and(eq(rounds.id, roundId), eq(rounds.sessionId, sessionId)))
    .for("share");
  if (!row || row.status === "skipped") throw new LiveError("not_found", "That round is not part of this session.");
  return row;
}
