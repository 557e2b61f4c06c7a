// A review round's arguments as one list, for the exports, the teacher's ledger and a student's
// own review (browser-safe: no I/O).
import type { ReviewArgument, ReviewRound } from "./types";

/** Every argument of a round: its speeches, then each crossfire question followed by its answers. */
export const roundArguments = (round: Pick<ReviewRound, "speeches" | "threads">): ReviewArgument[] => [
  ...round.speeches,
  ...round.threads.flatMap((t) => [t.question, ...t.answers]),
];
