import type { HostView } from "../../server/live/views";

type Props = {
  requests: HostView["rejoinRequests"];
  disabled: boolean;
  onAnswer: (request: HostView["rejoinRequests"][number], approve: boolean) => void;
};

/** Students asking for their seat back on another device; the teacher lets each back in or refuses. */
export function RejoinRequests({ requests, disabled, onAnswer }: Props) {
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {requests.length > 0 ? `${requests.length} asking to rejoin: ${requests.map((r) => r.name).join(", ")}.` : ""}
      </p>
      {requests.length > 0 ? (
        <section className="panel rejoin-requests" aria-labelledby="rejoin-heading">
          <h2 id="rejoin-heading">Asking to rejoin ({requests.length})</h2>
          <p className="muted">
            These students ask for their seat back on a new phone or browser. Let them in if it is really them: their old device leaves the seat.
          </p>
          <ul>
            {requests.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong>
                <span className="actions">
                  <button type="button" className="small" disabled={disabled} onClick={() => onAnswer(r, true)}>
                    Let back in<span className="visually-hidden"> {r.name}</span>
                  </button>
                  <button type="button" className="danger small" disabled={disabled} onClick={() => onAnswer(r, false)}>
                    Refuse<span className="visually-hidden"> {r.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
