// The persuasion result: the motion polled before and after the debate, compared as Oxford-style
// debates do, and the audience points it gives the sides. Pure and browser-safe; README.md
// "Scoring" states these rules for teachers and must change with them.
import { caseOf } from "../../../content/plans";
import type { Side } from "../../../content/schema";
import type { Persuasion, Stance3 } from "../views/types";
import { MOTION_OPTIONS, SCALE_OPTIONS } from "../polls/options";

/** To each side whose stance on the motion is the one that won the room. */
export const AUDIENCE_POINTS = 100;

const STANCES: readonly Stance3[] = ["for", "against", "undecided"];

/**
 * A motion vote's stance from its option index: For / Against / Undecided, or on the 1-5
 * agreement scale 1-2 against, 3 undecided, 4-5 for.
 */
export function motionStance(optionsCount: number, choice: number): Stance3 {
  if (!Number.isInteger(choice) || choice < 0 || choice >= optionsCount) throw new Error(`option ${choice} of ${optionsCount} is not a motion vote`);
  if (optionsCount === MOTION_OPTIONS.length) return STANCES[choice];
  if (optionsCount === SCALE_OPTIONS.length) return choice <= 1 ? "against" : choice === 2 ? "undecided" : "for";
  throw new Error(`a motion poll has ${MOTION_OPTIONS.length} or ${SCALE_OPTIONS.length} options, not ${optionsCount}`);
}

type Counts = Record<Stance3, number>;

function countsOf(votes: ReadonlyMap<string, Stance3>): Counts {
  const counts: Counts = { for: 0, against: 0, undecided: 0 };
  for (const stance of votes.values()) counts[stance] += 1;
  return counts;
}

/** Percentages of the poll's votes, exact (round only to display them). */
const sharesOf = (c: Counts, votes: number) => ({ for: (100 * c.for) / votes, against: (100 * c.against) / votes, undecided: (100 * c.undecided) / votes, votes });

/**
 * Before and after compared: each stance's share of that poll's votes, the percentage points
 * For and Against gained, the winner (the larger gain; "tie" when equal), and the flow of the
 * students who voted both times. Null until both polls have a vote.
 */
export function persuasion(before: ReadonlyMap<string, Stance3>, after: ReadonlyMap<string, Stance3>): Persuasion | null {
  if (before.size === 0 || after.size === 0) return null;
  const b = countsOf(before);
  const a = countsOf(after);
  const shares = { before: sharesOf(b, before.size), after: sharesOf(a, after.size) };
  const gain = { for: shares.after.for - shares.before.for, against: shares.after.against - shares.before.against };
  // gain.for − gain.against has the sign of this integer, so equal gains are a tie even where
  // the percentages carry binary rounding.
  const margin = (a.for - a.against) * before.size - (b.for - b.against) * after.size;
  const winner = margin > 0 ? "for" : margin < 0 ? "against" : "tie";

  const moved = new Map<string, number>();
  let onlyBefore = 0;
  for (const [id, from] of before) {
    const to = after.get(id);
    if (to === undefined) onlyBefore += 1;
    else moved.set(`${from}>${to}`, (moved.get(`${from}>${to}`) ?? 0) + 1);
  }
  const both = before.size - onlyBefore;
  const flow = STANCES.flatMap((from) => STANCES.map((to) => ({ from, to, count: moved.get(`${from}>${to}`) ?? 0 })));
  return { ...shares, gain, winner, flow, onlyBefore, onlyAfter: after.size - both };
}

/**
 * Audience points per side: AUDIENCE_POINTS to each side that argues the winning case (its
 * stance, or the way a mixed side leans), 0 to the rest (every side listed). Nothing on a tie,
 * nothing to a mixed side that does not lean (stored before sides leaned), nothing without a result.
 */
export function audiencePoints(result: Persuasion | null, sides: readonly Pick<Side, "id" | "stance" | "leans">[]): Map<string, number> {
  return new Map(sides.map((s) => [s.id, result && result.winner !== "tie" && caseOf(s) === result.winner ? AUDIENCE_POINTS : 0]));
}
