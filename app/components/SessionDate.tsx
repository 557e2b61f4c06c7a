import type { SessionRow } from "../../db/schema";

/** A session's status in words (never a colour alone). */
export const sessionStatusLabel: Record<SessionRow["status"], string> = { lobby: "Lobby open", live: "Live", ended: "Ended" };

/**
 * A date and time in the reader's own time zone. The server renders it in its zone; the browser
 * may differ, so the text is allowed to change at hydration.
 */
export function SessionDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
