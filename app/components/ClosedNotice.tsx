import type { Connection } from "~/lib/live";

/** Why the server closed this page's live connection for good (logged out, seat moved, too many tabs). */
export function ClosedNotice({ connection, refusal }: { connection: Connection; refusal?: string }) {
  return connection === "refused" && refusal ? (
    <p className="banner warn" role="alert">
      {refusal}
    </p>
  ) : null;
}
