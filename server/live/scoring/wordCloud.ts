// A text poll's word cloud: entries counted as one when they differ only in case or spacing.
// Pure and browser-safe, so the live tally and a tally rebuilt from stored votes agree.
import type { WordCloudEntry } from "../views/types";

/** How many entries a cloud shows at most; the rest are the least frequent. */
export const WORD_CLOUD_MAX = 100;

/**
 * The form an entry is counted (and hidden) under: Unicode-compatible forms folded (NFKC: full-
 * width letters, ligatures), trimmed, runs of white space as one space, lower case.
 */
export function entryKey(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Entries counted per key, most frequent first, then alphabetically; blank entries are not
 * counted. `hidden` holds keys the teacher hid: dropped, or with `keepHidden` (the teacher's
 * own view) kept and marked so they can be shown again. At most WORD_CLOUD_MAX shown entries,
 * and in the teacher's view at most as many hidden ones besides.
 */
export function wordCloud(entries: readonly string[], hidden: ReadonlySet<string>, opts: { keepHidden?: boolean } = {}): WordCloudEntry[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const key = entryKey(entry);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0));
  const cloud: WordCloudEntry[] = [];
  let shown = 0;
  let kept = 0;
  for (const [text, count] of sorted) {
    if (!hidden.has(text)) {
      if (shown < WORD_CLOUD_MAX) cloud.push({ text, count });
      shown += 1;
    } else if (opts.keepHidden && kept < WORD_CLOUD_MAX) {
      cloud.push({ text, count, hidden: true });
      kept += 1;
    }
  }
  return cloud;
}
