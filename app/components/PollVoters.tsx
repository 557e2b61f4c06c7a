import { useState } from "react";
import type { PollView } from "../../server/live/views/types";
import type { Results } from "../../server/realtime/events";
import type { Send } from "~/lib/live";
import { voteText } from "~/lib/polls";
import { FormError } from "./Field";

type Voters = Results["poll:voters"]["voters"];

/** For the teacher only, and never for an anonymous poll: who voted what, fetched on request. */
export function PollVoters({ poll, send }: { poll: PollView; send: Send }) {
  const [list, setList] = useState<{ pollId: string; voters: Voters }>();
  const [error, setError] = useState<string>();
  const voters = list?.pollId === poll.id ? list.voters : undefined;
  const load = async () => {
    const result = await send("poll:voters", { pollId: poll.id });
    if (result.ok) setList({ pollId: poll.id, voters: result.data.voters });
    setError(result.ok ? undefined : result.error.message);
  };
  return (
    <div className="poll-voters">
      <button type="button" className="secondary" onClick={load}>
        {voters ? "Refresh who voted what" : "Who voted what"}
      </button>
      <FormError message={error} />
      {voters ? (
        voters.length === 0 ? (
          <p className="muted">No votes yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="scoreboard voters">
              <caption>Who voted what ({voters.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Vote</th>
                </tr>
              </thead>
              <tbody>
                {voters.map((v) => (
                  <tr key={v.participantId}>
                    <th scope="row" className="person-name">
                      {v.name}
                    </th>
                    <td>{voteText(poll.options, v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </div>
  );
}
