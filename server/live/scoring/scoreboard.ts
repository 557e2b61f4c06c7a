// The scoreboard of a session, from its stored rows; the formulas are in ./debate.ts, ./quiz.ts
// and ./persuasion.ts.
import type { PackedScenario } from "../../../content/schema";
import type { ArgumentRow, BallotRow, ChallengeRow, PeerVoteRow, QuizAnswerRow, SessionRow } from "../../../db/schema";
import type { Persuasion, Scoreboard } from "../views/types";
import { activeOf, type Seat } from "../lobby/seats";
import { debateStandings, type DebateRecord } from "./debate";
import { audiencePoints } from "./persuasion";
import { quizStandings } from "./quiz";

type StandingsRows = {
  scenario: PackedScenario;
  seats: readonly Seat[];
  arguments: readonly ArgumentRow[];
  ballots: readonly BallotRow[];
  votes: readonly PeerVoteRow[];
  challenges: readonly ChallengeRow[];
  /** The session's quiz answers; those not scored yet (points null: the question is open) count nothing. */
  quizAnswers?: readonly Pick<QuizAnswerRow, "participantId" | "sideId" | "points">[];
  /** The motion polls' result, once both have closed. */
  persuasion?: Persuasion | null;
};

/** Side totals and every active student's standing, each with its breakdown. */
export function scoreboardOf(rows: StandingsRows): Scoreboard {
  return debateStandings(rows.scenario.rubric, standingsRecord(rows));
}

/** What the standings are worked out from: the sides, the active students and every scored row. */
export function standingsRecord(rows: StandingsRows): DebateRecord {
  const ballotsOf = new Map<string, Record<string, number>[]>();
  for (const b of rows.ballots) ballotsOf.set(b.argumentId, [...(ballotsOf.get(b.argumentId) ?? []), b.scores]);
  const sides = rows.scenario.sides.map((s) => ({ id: s.id, name: s.name }));
  const active = activeOf(rows.seats);
  const scored = (rows.quizAnswers ?? []).flatMap((a) => (a.points === null ? [] : [{ participantId: a.participantId, sideId: a.sideId, points: a.points }]));
  return {
    sides,
    participants: active.map((p) => ({ id: p.id, name: p.displayName, sideId: p.sideId })),
    arguments: rows.arguments.map((a) => ({ id: a.id, participantId: a.participantId, sideId: a.sideId, ballots: ballotsOf.get(a.id) ?? [] })),
    votes: rows.votes.map((v) => ({ voterId: v.voterId, argumentId: v.argumentId })),
    challenges: rows.challenges.map((c) => ({ id: c.id, challengerId: c.challengerId, challengerSideId: c.challengerSideId, argumentId: c.argumentId, status: c.status })),
    // Side averages are over the members seated now.
    quiz: quizStandings(sides, active.map((p) => ({ participantId: p.id, sideId: p.sideId })), scored),
    audience: audiencePoints(rows.persuasion ?? null, rows.scenario.sides),
  };
}

/** What the projector and the students may see of it, as the teacher chose. */
export function shownScoreboard(board: Scoreboard, shown: SessionRow["scoreboard"]): Scoreboard | null {
  if (shown === "hidden") return null;
  return { sides: board.sides, individuals: shown === "individuals" ? board.individuals : null };
}

export function voteCounts(votes: readonly Pick<PeerVoteRow, "argumentId">[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of votes) counts[v.argumentId] = (counts[v.argumentId] ?? 0) + 1;
  return counts;
}
