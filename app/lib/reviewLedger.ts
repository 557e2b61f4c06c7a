// Where a student's or a side's points came from, in words: each entry of the review's ledger as a
// line ("Peer votes: 2 × 10 on Ana's speech in Round 3 “Opening”") with its points, so a teacher
// can show why a total is what it is. The lines add up to the standings' total because they are
// the ledger the standings were added up from. Pure.
import type { ReviewArgument, ReviewRound, SessionReview } from "../../server/live/review/types";
import type { PointEntry } from "../../server/live/scoring/debate";
import { AUDIENCE_POINTS } from "../../server/live/scoring/persuasion";
import { QUIZ_STANDINGS_DIVISOR, quizTotals, sideQuizTotals } from "../../server/live/scoring/quiz";
import { gainText, stanceLabel } from "./polls";
import { formatNumber } from "./quiz";

export type LedgerLine = { text: string; points: number };
/** Whose points: one student's, or one side's. */
export type LedgerOwner = { participantId: string } | { sideId: string };

const kindWord = { argument: "speech", question: "question", answer: "answer" } as const;

/** "Round 3 “Opening”": the plan's number, as the exports number rounds. */
export const roundName = (round: Pick<ReviewRound, "index" | "title">) => `Round ${round.index + 1} “${round.title}”`;

/** The ledger entries that make up one student's or one side's total. */
export function entriesOf(review: Pick<SessionReview, "standings">, owner: LedgerOwner): PointEntry[] {
  return review.standings.ledger.filter((e) => ("participantId" in owner ? e.participantId === owner.participantId : e.sideId === owner.sideId));
}

/** Every entry of one student's or one side's total, in words, in the ledger's order. */
export function ledgerLines(review: SessionReview, owner: LedgerOwner): LedgerLine[] {
  const said = new Map<string, { argument: ReviewArgument; round: ReviewRound }>();
  for (const round of review.rounds)
    for (const argument of [...round.speeches, ...round.threads.flatMap((t) => [t.question, ...t.answers])]) said.set(argument.id, { argument, round });
  const name = new Map(review.people.map((p) => [p.id, p.name]));
  const forSide = "sideId" in owner;

  // A student's own speech is "their speech"; in a side's list it is named: "Ana's speech".
  const whose = (participantId: string | null) => (!forSide && participantId !== null ? "their" : `${name.get(participantId ?? "") ?? "a student"}'s`);
  const what = (argumentId: string, participantId: string | null) => {
    const found = said.get(argumentId);
    if (!found) return "an argument no longer in the record";
    return `${whose(participantId)} ${kindWord[found.argument.kind]} in ${roundName(found.round)}`;
  };

  return entriesOf(review, owner).map((entry): LedgerLine => {
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
        const target = found ? `${found.argument.author}'s ${kindWord[found.argument.kind]} in ${roundName(found.round)}` : "an argument no longer in the record";
        return { text: `${outcome}: ${forSide ? `${whose(entry.participantId)} challenge` : "their challenge"} to ${target}`, points };
      }
      case "quiz":
        return { text: forSide ? sideQuizText(review, entry.sideId!) : studentQuizText(review, entry.participantId!), points };
      case "audience":
        return { text: audienceText(review, entry.sideId!, points), points };
    }
  });
}

/** The sum of the lines: the total the standings show. */
export const ledgerSum = (lines: readonly LedgerLine[]) => lines.reduce((sum, l) => sum + l.points, 0);

/** Scored answers (an open question's have no points yet), as the standings count them. */
const scoredAnswers = (review: Pick<SessionReview, "answers">) =>
  review.answers.flatMap((a) => (a.points === null ? [] : [{ participantId: a.participantId, sideId: a.sideId, points: a.points }]));

function studentQuizText(review: SessionReview, participantId: string): string {
  const points = quizTotals(scoredAnswers(review)).get(participantId) ?? 0;
  return `Quiz: ${formatNumber(points)} quiz points ÷ ${QUIZ_STANDINGS_DIVISOR}`;
}

/** A side's quiz part is an average: the points earned for it ÷ its members now, then ÷ 10. */
function sideQuizText(review: SessionReview, sideId: string): string {
  const seated = review.people.filter((p) => !p.removed).map((p) => ({ participantId: p.id, sideId: p.sideId }));
  const answers = scoredAnswers(review);
  const total = sideQuizTotals(review.scenario.sides, seated, answers).find((t) => t.sideId === sideId);
  const earned = answers.reduce((sum, a) => (a.sideId === sideId ? sum + a.points : sum), 0);
  // The average divides by at least 1: a side with no students now keeps what was earned for it.
  const count = total?.members ?? 0;
  const members = count === 0 ? "1 (it has no students now)" : `${count} ${count === 1 ? "student" : "students"}`;
  return `Quiz: ${formatNumber(earned)} quiz points earned for the side ÷ ${members} = ${formatNumber(total?.points ?? 0)} on average, ÷ ${QUIZ_STANDINGS_DIVISOR}`;
}

/** Why a side has its audience points, or none. */
function audienceText(review: SessionReview, sideId: string, points: number): string {
  const p = review.motion.persuasion;
  const stance = review.scenario.sides.find((s) => s.id === sideId)?.stance;
  if (!p) return "Audience: no result (the motion was not polled both before and after)";
  if (p.winner === "tie") return "Audience: the room's vote was a tie, so no side gains";
  const won = `${stanceLabel[p.winner]} won the room (${gainText(p.gain[p.winner])})`;
  if (points > 0) return `Audience: ${won}, and this side is ${p.winner === "for" ? "for" : "against"} the motion`;
  if (stance === p.winner) return `Audience: ${won}, but the class was not shown the result, so it earns nothing (worth ${AUDIENCE_POINTS} once shown)`;
  return `Audience: ${won}; this side is ${stance === "mixed" ? "neither for nor against" : `${stance}`} the motion`;
}
