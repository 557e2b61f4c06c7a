// The fixed options of the poll kinds that have them. Types only from the content schema, so the
// browser can import this as well as the engine.
import type { Scenario } from "../../../content/schema";

export type ScenarioPoll = Scenario["polls"][number];

export const MOTION_OPTIONS = ["For", "Against", "Undecided"] as const;
/** The 1-5 agreement scale: index 0 is 1, "Strongly disagree". */
export const SCALE_OPTIONS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;

/**
 * What students choose from, in order (a vote stores indexes into it): a motion poll's three
 * stances or, with `scale`, the agreement scale; the scale; the listed options of a choice or
 * multiple poll; nothing for a text poll. Works for a poll the teacher types too.
 */
export function pollOptions(poll: Pick<ScenarioPoll, "kind" | "options" | "scale">): string[] {
  switch (poll.kind) {
    case "motion":
      return [...(poll.scale ? SCALE_OPTIONS : MOTION_OPTIONS)];
    case "scale":
      return [...SCALE_OPTIONS];
    case "choice":
    case "multiple":
      return [...(poll.options ?? [])];
    case "text":
      return [];
  }
}
