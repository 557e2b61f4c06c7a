import { useEffect, useId, useState } from "react";
import type { MyVote, PollView } from "../../server/live/views/types";
import { POLL_LIMITS } from "../../server/limits";
import type { Send } from "~/lib/live";
import { chartOf, voteText } from "~/lib/polls";
import { FormError } from "./Field";
import { PollChart } from "./PollChart";

type Props = { poll: PollView; myVote: MyVote | null; send: Send };
type Draft = { choices: number[]; text: string };

const sameVote = (a: Draft, b: MyVote) =>
  a.text.trim() === (b.text ?? "") && a.choices.length === b.choices.length && a.choices.every((c, i) => c === b.choices[i]);

/**
 * A poll on a student's phone: one option (radio buttons), any options (checkboxes) or a short
 * text, sent with "Submit vote" and changed while the poll is open with "Change vote". "Your vote
 * is saved" shows only once the server has acknowledged it; a refusal says why. The results show
 * when the teacher lets the class see them. Keyed by poll, so a new poll starts empty.
 */
export function StudentPoll({ poll, myVote, send }: Props) {
  const id = useId();
  const stored = myVote?.pollId === poll.id ? myVote : null;
  // No event carries a student's own vote back; the ack does, until the next snapshot has it.
  const [saved, setSaved] = useState<MyVote | null>(null);
  const mine = saved ?? stored;
  const [draft, setDraft] = useState<Draft>({ choices: mine?.choices ?? [], text: mine?.text ?? "" });
  const [touched, setTouched] = useState(false);
  // A snapshot that brings the stored vote after the page drew (a reconnect) fills the form, unless the student has started changing it.
  useEffect(() => {
    if (stored && !touched) setDraft({ choices: stored.choices, text: stored.text ?? "" });
  }, [stored, touched]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const open = poll.status === "open";
  const change = (next: Draft) => {
    setTouched(true);
    setDraft(next);
  };
  const isText = poll.kind === "text";
  const multiple = poll.kind === "multiple";
  const labelOf = (option: string, i: number) => (chartOf(poll) === "scale" ? `${i + 1} – ${option}` : option);

  return (
    <section className="panel student-poll" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{open ? "Poll" : "Poll (closed)"}</h2>
      {open ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (sending) return;
            const text = draft.text.trim();
            if (isText ? !text : draft.choices.length === 0) return setError(isText ? "Write an answer first." : "Choose an option first.");
            setSending(true);
            const result = await send("poll:vote", { pollId: poll.id, choices: isText ? [] : draft.choices, ...(isText ? { text } : {}) });
            setSending(false);
            if (result.ok) setSaved({ pollId: poll.id, choices: isText ? [] : draft.choices, text: isText ? text : null });
            setError(result.ok ? undefined : result.error.message);
          }}
        >
          {isText ? (
            <>
              <label htmlFor={`${id}-text`} className="poll-prompt">
                {poll.prompt}
              </label>
              <input
                id={`${id}-text`}
                type="text"
                maxLength={POLL_LIMITS.entry}
                value={draft.text}
                aria-describedby={`${id}-count`}
                onChange={(e) => change({ choices: [], text: e.currentTarget.value })}
              />
              <p id={`${id}-count`} className="muted counter">
                {draft.text.length}/{POLL_LIMITS.entry} characters
              </p>
            </>
          ) : (
            <fieldset className="radio-group poll-options">
              <legend className="poll-prompt">{poll.prompt}</legend>
              {poll.options.map((option, i) => (
                <label key={i} className="check">
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={`${id}-choice`}
                    checked={draft.choices.includes(i)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      change({ text: "", choices: multiple ? (on ? [...draft.choices, i].sort((a, b) => a - b) : draft.choices.filter((c) => c !== i)) : [i] });
                    }}
                  />
                  {labelOf(option, i)}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit">{mine ? "Change vote" : "Submit vote"}</button>
          <p role="status" className="vote-status">
            {sending
              ? "Sending…"
              : mine && sameVote(draft, mine)
              ? `✓ Your vote is saved: ${voteText(poll.options, mine)}`
              : mine
              ? "Not sent yet: press Change vote to replace your saved vote."
              : ""}
          </p>
          <FormError message={error} />
        </form>
      ) : (
        <>
          <p className="poll-prompt">{poll.prompt}</p>
          <p>{mine ? `Your vote: ${voteText(poll.options, mine)}` : "You did not vote in this poll."}</p>
        </>
      )}
      <PollChart poll={poll} />
    </section>
  );
}
