// Where a student's or a side's points came from, in words: each entry of the review's ledger as a
// line ("Peer votes: 2 × 10 on Ana's speech in Round 3 “Opening”") with its points, so a teacher
// can show why a total is what it is. The lines add up to the standings' total because they are
// the ledger the standings were added up from. Pure.
import type { ReviewArgument, ReviewPage, ReviewRound } from "../../server/live/review/types";
import { ARGUMENT_KIND_NAMES } from "../../server/live/debate/kinds";
import { roundArguments } from "../../server/live/review/rounds";
import type { PointEntry } from "../../server/live/scoring/debate";
import { AUDIENCE_POINTS } from "../../server/live/scoring/persuasion";
import { QUIZ_STANDINGS_DIVISOR } from "../../server/live/scoring/quiz";
import { caseOf } from "../../content/plans";
import { gainText, stanceLabel } from "./polls";
import { formatNumber } from "./quiz";

export type LedgerLine = { text: string; points: number };
/** Whose points: one student's, or one side's. */
export type LedgerOwner = { participantId: string } | { sideId: string };
/** What the ledger's words are read from (the quiz entries carry their own figures). */
type LedgerReview = Pick<ReviewPage, "scenario" | "people" | "rounds" | "motion" | "standings">;

/** "Round 3 “Opening”": the plan's number, as the exports number rounds. */
export const roundName = (round: Pick<ReviewRound, "index" | "title">) => `Round ${round.index + 1} “${round.title}”`;

/**
 * Every student's and every side's ledger in words, in the ledger's order. The review is indexed
 * once (its arguments, names and entries by owner): the standings ask for a class of 2,000 rows,
 * and scanning the whole review per row grows with the square of the class.
 */
export function ledgerOf(review: LedgerReview): (owner: LedgerOwner) => LedgerLine[] {
  const said = new Map<string, { argument: ReviewArgument; round: ReviewRound }>();
  for (const round of review.rounds) for (const argument of roundArguments(round)) said.set(argument.id, { argument, round });
  const name = new Map(review.people.map((p) => [p.id, p.name]));
  const byPerson = new Map<string, PointEntry[]>();
  const bySide = new Map<string, PointEntry[]>();
  const add = (groups: Map<string, PointEntry[]>, key: string, entry: PointEntry) => {
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  };
  for (const entry of review.standings.ledger) {
    if (entry.participantId !== null) add(byPerson, entry.participantId, entry);
    if (entry.sideId !== null) add(bySide, entry.sideId, entry);
  }

  return (owner) => {
    const forSide = "sideId" in owner;
    // A student's own speech is "their speech"; in a side's list it is named: "Ana's speech".
    const whose = (participantId: string | null) => (!forSide && participantId !== null ? "their" : `${name.get(participantId ?? "") ?? "a student"}'s`);
    const what = (argumentId: string, participantId: string | null) => {
      const found = said.get(argumentId);
      if (!found) return "an argument no longer in the record";
      return `${whose(participantId)} ${ARGUMENT_KIND_NAMES[found.argument.kind]} in ${roundName(found.round)}`;
    };
    const entries = (forSide ? bySide.get(owner.sideId) : byPerson.get(owner.participantId)) ?? [];

    return entries.map((entry): LedgerLine => {
      const { origin, points } = entry;
      switch (origin.kind) {
        case "rubric": {
          const scored = (said.get(origin.argumentId)?.argument.ballots.length ?? 0) > 0;
          return { text: `Rubric: ${what(origin.argumentId, entry.participantId)}${scored ? "" : " (not scored)"}`, points };
        }
        case "peerVotes":
          // Each vote's worth (DEBATE_POINTS.peerVote) read from the entry itself: importing the
          // constant would bring the content schema, and zod with it, into the page's bundle.
          return { text: `Peer votes: ${origin.votes} × ${points / origin.votes} on ${what(origin.argumentId, entry.participantId)}`, points };
        case "challenge": {
          const found = said.get(origin.argumentId);
          const challenge = found?.argument.challenges.find((c) => c.id === origin.challengeId);
          const outcome = origin.status === "upheld" ? "Challenge upheld" : "Challenge rejected";
          if (origin.role === "author") return { text: `${outcome} against ${what(origin.argumentId, entry.participantId)}${challenge ? ` (challenged by ${challenge.challenger})` : ""}`, points };
          const target = found ? `${found.argument.author}'s ${ARGUMENT_KIND_NAMES[found.argument.kind]} in ${roundName(found.round)}` : "an argument no longer in the record";
          return { text: `${outcome}: ${forSide ? `${whose(entry.participantId)} challenge` : "their challenge"} to ${target}`, points };
        }
        case "quiz":
          return { text: "members" in origin ? sideQuizText(origin) : `Quiz: ${formatNumber(origin.quizPoints)} quiz points ÷ ${QUIZ_STANDINGS_DIVISOR}`, points };
        case "audience":
          return { text: audienceText(review, entry.sideId!, points), points };
      }
    });
  };
}

/** The sum of the lines: the total the standings show. */
export const ledgerSum = (lines: readonly LedgerLine[]) => lines.reduce((sum, l) => sum + l.points, 0);

/** A side's quiz part is an average: the points earned for it ÷ its members now, then ÷ 10. */
function sideQuizText(origin: { quizPoints: number; earned: number; members: number }): string {
  // The average divides by at least 1: a side with no students now keeps what was earned for it.
  const count = origin.members;
  const members = count === 0 ? "1 (it has no students now)" : `${count} ${count === 1 ? "student" : "students"}`;
  return `Quiz: ${formatNumber(origin.earned)} quiz points earned for the side ÷ ${members} = ${formatNumber(origin.quizPoints)} on average, ÷ ${QUIZ_STANDINGS_DIVISOR}`;
}

/** Why a side has its audience points, or none. */
function audienceText(review: LedgerReview, sideId: string, points: number): string {
  const p = review.motion.persuasion;
  const side = review.scenario.sides.find((s) => s.id === sideId);
  const argues = side ? caseOf(side) : null;
  if (!p) return "Audience: no result (the motion was not polled both before and after)";
  if (p.winner === "tie") return "Audience: the room's vote was a tie, so no side gains";
  const won = `${stanceLabel[p.winner]} won the room (${gainText(p.gain[p.winner])})`;
  if (points > 0) return `Audience: ${won}, and this side argues ${p.winner} the motion`;
  if (argues === p.winner) return `Audience: ${won}, but the class was not shown the result, so it earns nothing (worth ${AUDIENCE_POINTS} once shown)`;
  return `Audience: ${won}; this side ${argues ? `argues ${argues}` : "is neither for nor against"} the motion`;
}
