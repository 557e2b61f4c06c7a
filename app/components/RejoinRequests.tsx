import { useEffect, useRef } from "react";
import type { HostView } from "../../server/live/views/types";

type Props = {
  requests: HostView["rejoinRequests"];
  disabled: boolean;
  onAnswer: (request: HostView["rejoinRequests"][number], approve: boolean) => void;
  /** Where keyboard focus goes once the last request is answered and the list is gone. */
  focusAfterLast: () => void;
};

/**
 * Students asking for their seat back on another device; the teacher lets each back in or refuses.
 * An answered request leaves the list: focus moves to the next one (or away once none is left),
 * rather than falling to the page.
 */
export function RejoinRequests({ requests, disabled, onAnswer, focusAfterLast }: Props) {
  const answered = useRef<{ id: string; index: number }>();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const last = answered.current;
    if (!last || requests.some((r) => r.id === last.id)) return;
    answered.current = undefined;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("li button:first-of-type");
    if (buttons?.length) buttons[Math.min(last.index, buttons.length - 1)].focus();
    else focusAfterLast();
  }, [requests, focusAfterLast]);
  const answer = (request: HostView["rejoinRequests"][number], index: number, approve: boolean) => {
    answered.current = { id: request.id, index };
    onAnswer(request, approve);
  };
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
          <ul ref={list}>
            {requests.map((r, index) => (
              <li key={r.id}>
                <strong>{r.name}</strong>
                <span className="actions">
                  <button type="button" className="small" disabled={disabled} onClick={() => answer(r, index, true)}>
                    Let back in<span className="visually-hidden"> {r.name}</span>
                  </button>
                  <button type="button" className="danger small" disabled={disabled} onClick={() => answer(r, index, false)}>
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
