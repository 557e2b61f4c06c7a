import { useState } from "react";
import type { ArgumentView } from "../../server/live/views/types";
import type { Send } from "~/lib/live";
import { FormError } from "./Field";

type Props = { roundId: string; choices: ArgumentView[]; votedFor: string | undefined; sideName: (id: string) => string; send: Send };

const excerpt = (body: string) => (body.length > 90 ? `${body.slice(0, 90)}…` : body);

/** After a round: the student's vote for the most persuasive argument from another side, once. */
export function PeerVote({ roundId, choices, votedFor: stored, sideName, send }: Props) {
  const [error, setError] = useState<string>();
  // No event carries a student's own vote back; the ack does, until the next snapshot has it.
  const [cast, setCast] = useState<{ roundId: string; argumentId: string }>();
  const votedFor = stored ?? (cast?.roundId === roundId ? cast.argumentId : undefined);
  const voted = choices.find((a) => a.id === votedFor);
  if (votedFor)
    return (
      <section className="panel" aria-labelledby="vote-heading">
        <h2 id="vote-heading">Your vote</h2>
        <p role="status">
          You voted for <strong className="person-name">{voted?.author ?? "an argument"}</strong>
          {voted ? ` (${sideName(voted.sideId)})` : ""}.
        </p>
      </section>
    );
  if (choices.length === 0) return null;
  return (
    <form
      className="panel"
      aria-labelledby="vote-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        const argumentId = String(new FormData(e.currentTarget).get("vote") ?? "");
        const result = await send("vote:cast", { roundId, argumentId });
        if (result.ok) setCast({ roundId, argumentId });
        setError(result.ok ? undefined : result.error.message);
      }}
    >
      <h2 id="vote-heading">Vote for the most persuasive argument</h2>
      <fieldset className="radio-group">
        <legend>From another side (one vote per round)</legend>
        {choices.map((a) => (
          <label key={a.id} className="check">
            <input type="radio" name="vote" value={a.id} required />
            <span>
              <strong className="person-name">{a.author}</strong> ({sideName(a.sideId)}): {excerpt(a.body)}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit">Cast my vote</button>
      <FormError message={error} />
    </form>
  );
}
