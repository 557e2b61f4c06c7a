// What each kind of argument is called, in one place for the exports and the screens
// (browser-safe: no I/O).
import type { ArgumentView } from "../views/types";

type ArgumentKind = ArgumentView["kind"];

/** A kind's name in a sentence, and in arguments.csv's `kind` column (a published format: README.md "Exports"). */
export const ARGUMENT_KIND_NAMES = { argument: "speech", question: "question", answer: "answer" } as const satisfies Record<ArgumentKind, string>;

/** "Speech", "Question", "Answer": a kind as a label on its own. */
export const argumentKindLabel = (kind: ArgumentKind) => ARGUMENT_KIND_NAMES[kind].charAt(0).toUpperCase() + ARGUMENT_KIND_NAMES[kind].slice(1);
