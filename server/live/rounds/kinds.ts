// Which rounds are which, in one place for the engine and the screens (browser-safe: no I/O).
import type { RoundKind } from "../views/types";

/** Rounds in which each side on the floor gives one speech (crossfire is questions and answers). */
export const SPEAKING_KINDS: readonly RoundKind[] = ["opening", "rebuttal", "closing"];
export const isSpeakingRound = (kind: RoundKind) => SPEAKING_KINDS.includes(kind);

/** A running round is open or paused (a paused round still takes writes). */
export const RUNNING_STATUSES = ["open", "paused"] as const;
export const isRunningStatus = (status: string) => (RUNNING_STATUSES as readonly string[]).includes(status);
