// An unsent text kept on this device, so a reload or a dropped tab keeps what a student was
// writing. Per key (a round, or a question being answered); cleared once the server has it.
import { useCallback, useEffect, useState } from "react";

export type Draft = { body: string; cardIds: string[] };

const storageKey = (key: string) => `rostrum:draft:${key}`;

function read(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(key));
    const parsed = raw ? (JSON.parse(raw) as Partial<Draft>) : null;
    if (!parsed || typeof parsed.body !== "string" || !Array.isArray(parsed.cardIds)) return null;
    return { body: parsed.body, cardIds: parsed.cardIds.filter((c): c is string => typeof c === "string") };
  } catch {
    // Private mode or a full quota: the draft simply lives in memory only.
    return null;
  }
}

/** `initial` (what was last submitted) shows until a stored draft is found after mounting. */
export function useDraft(key: string, initial: Draft) {
  const [draft, setDraftState] = useState<Draft>(initial);
  const [stored, setStored] = useState(false);
  useEffect(() => {
    const found = read(key);
    // A new key (the next round) starts from its own draft or what the server has for it, never
    // from the previous key's text.
    setDraftState(found ?? initial);
    setStored(Boolean(found));
    // Only a new key reloads; `initial` changing (the server echoing a submit) must not wipe typing.
  }, [key]);
  const setDraft = useCallback(
    (next: Draft) => {
      setDraftState(next);
      setStored(true);
      try {
        window.localStorage.setItem(storageKey(key), JSON.stringify(next));
      } catch {
        /* kept in memory only */
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    setStored(false);
    try {
      window.localStorage.removeItem(storageKey(key));
    } catch {
      /* nothing stored */
    }
  }, [key]);
  /** Starts over (a question was asked: the next one is new). */
  const reset = useCallback(
    (to: Draft) => {
      clear();
      setDraftState(to);
    },
    [clear],
  );
  /** `unsent` is true while the text differs from what the server has. */
  return { draft, setDraft, clear, reset, unsent: stored };
}
