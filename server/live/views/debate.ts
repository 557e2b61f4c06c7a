// The debate part of every view, from rows. Pure: who may read what is decided here once.
import type { ArgumentRow, ChallengeRow, ParticipantRow, RoundRow, SessionRow } from "../../../db/schema";
import type { Round } from "../rounds/plan";
import { isRunning } from "../rounds/running";
import { isPublic } from "../debate/visibility";
import type { ArgumentView, CardView, ChallengeView, PlanItem, RoundView, Settings } from "./types";

export const settingsOf = (session: SessionRow): Settings => ({
  argumentsLive: session.argumentsLive,
  scoreboard: session.scoreboard,
  quizSpeed: session.quizSpeed,
  quizStreak: session.quizStreak,
  pollFilter: session.pollFilter,
});

export function planItems(plan: readonly Round[], rows: readonly RoundRow[]): PlanItem[] {
  const run = new Map(rows.map((r) => [r.planIndex, r]));
  return plan.map((round, index) => {
    const row = run.get(index);
    return {
      index,
      kind: round.kind,
      title: round.title,
      sides: round.sides,
      seconds: round.seconds,
      status: row?.status ?? "upcoming",
      roundId: row?.id ?? null,
      revealed: row ? isPublic(round.kind, row) : false,
    };
  });
}

/** The running round, else the last one closed; skipped rounds are never current. */
export function currentRound(plan: readonly Round[], rows: readonly RoundRow[]): RoundView | null {
  const run = rows.filter((r) => r.status !== "skipped");
  const row = run.find(isRunning) ?? run.sort((a, b) => +(b.closedAt ?? 0) - +(a.closedAt ?? 0))[0];
  return row ? roundView(plan, row) : null;
}

export function roundView(plan: readonly Round[], row: RoundRow): RoundView {
  const round = plan[row.planIndex];
  return {
    id: row.id,
    index: row.planIndex,
    kind: round.kind,
    title: round.title,
    sides: round.sides,
    seconds: round.seconds,
    status: row.status === "skipped" ? "closed" : row.status,
    endsAt: row.endsAt ? row.endsAt.getTime() : null,
    remainingMs: row.remainingMs,
    revealed: isPublic(round.kind, row),
  };
}

export function challengeView(row: ChallengeRow, names: ReadonlyMap<string, string>): ChallengeView {
  return {
    id: row.id,
    argumentId: row.argumentId,
    cardId: row.cardId,
    challengerId: row.challengerId,
    challenger: names.get(row.challengerId) ?? "A student",
    challengerSideId: row.challengerSideId,
    reason: row.reason,
    status: row.status,
    ruling: row.ruling,
  };
}

/** What every audience and the review show of an argument: who wrote what for which side, citing which cards. */
export function argumentFields(row: ArgumentRow, names: ReadonlyMap<string, string>, cards: ReadonlyMap<string, CardView>) {
  return {
    id: row.id,
    roundId: row.roundId,
    participantId: row.participantId,
    author: names.get(row.participantId) ?? "A student",
    sideId: row.sideId,
    kind: row.kind,
    body: row.body,
    cards: row.cardIds.flatMap((id) => cards.get(id) ?? []),
    targetSideId: row.targetSideId,
    replyTo: row.replyTo,
    createdAt: row.createdAt.getTime(),
  };
}

export function argumentView(
  row: ArgumentRow,
  names: ReadonlyMap<string, string>,
  cards: ReadonlyMap<string, CardView>,
  challenges: readonly ChallengeRow[],
): ArgumentView {
  return {
    ...argumentFields(row, names, cards),
    revision: row.revision,
    challenges: challenges.filter((c) => c.argumentId === row.id && c.status !== "open").map((c) => challengeView(c, names)),
  };
}

/** Display names of everyone who ever sat in the session (a removed author's words keep their name). */
export const namesOf = (seats: readonly Pick<ParticipantRow, "id" | "displayName">[]) => new Map(seats.map((p) => [p.id, p.displayName]));
