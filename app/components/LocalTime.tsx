import { useEffect, useState } from "react";
import type { Zone } from "~/lib/review";

/**
 * The zone to write times in: UTC while the server renders (it cannot know the reader's zone, and
 * the first render in the browser must match it), the browser's own once hydrated.
 */
export function useReaderZone(): Zone {
  const [zone, setZone] = useState<Zone>("UTC");
  useEffect(() => setZone(undefined), []);
  return zone;
}

/** A moment as machine-readable <time> around the words given for it. */
export function Time({ ms, children }: { ms: number; children: React.ReactNode }) {
  return <time dateTime={new Date(ms).toISOString()}>{children}</time>;
}
