import type { DatabaseStatus } from "../../server/realtime/events";

/**
 * A banner while the server cannot reach its database, in a live region that is always there,
 * so screen readers hear it appear and clear. `consequence` says what it means for this reader.
 */
export function DatabaseBanner({ status, consequence }: { status: DatabaseStatus; consequence: string }) {
  return (
    <div role="status" aria-live="polite">
      {status.reachable ? null : (
        <p className="banner warn">
          <strong>{consequence}</strong> {status.message} This notice clears by itself when the database is back.
        </p>
      )}
    </div>
  );
}
