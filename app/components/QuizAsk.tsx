import { useState } from "react";
import type { QuizBankItem } from "../../server/live/views/types";
import type { Payload } from "../../server/realtime/events";
import type { Run } from "~/lib/live";
import { multiplierLabel, nextInOrder } from "~/lib/quiz";

type Ask = Payload<"quiz:ask">;
type Props = { bank: QuizBankItem[]; disabled: boolean; onAsk: (payload: Ask, done: string) => ReturnType<Run> };

type How = "inOrder" | "shuffled" | "pick";
const hows: { value: How; label: string }[] = [
  { value: "inOrder", label: "Next in the bank's order" },
  { value: "shuffled", label: "A random one not yet asked" },
  { value: "pick", label: "Pick a question" },
];
const multipliers = [0, 1, 2] as const;

/** Asking the next question: in order, shuffled or picked from the bank (asked ones marked), at 0×, 1× or 2× points. */
export function QuizAsk({ bank, disabled, onAsk }: Props) {
  const [how, setHow] = useState<How>("inOrder");
  const next = nextInOrder(bank);
  const left = bank.filter((item) => !item.asked).length;
  const [picked, setPicked] = useState(next?.id ?? bank[0]?.id ?? "");
  return (
    <form
      className="launch-form quiz-ask"
      aria-labelledby="quiz-ask-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const points = new FormData(e.currentTarget).get("points");
        const multiplier = points === "0" ? 0 : points === "1" ? 1 : points === "2" ? 2 : undefined;
        const item = how === "pick" ? bank.find((b) => b.id === picked) : undefined;
        const payload: Ask = {
          ...(item ? { itemId: item.id } : { order: how === "shuffled" ? "shuffled" : "inOrder" }),
          ...(multiplier === undefined ? {} : { multiplier }),
        };
        onAsk(payload, item ? `Question asked: ${item.prompt}` : "Question asked.");
      }}
    >
      <h3 id="quiz-ask-heading">Ask a question</h3>
      <p className="muted">
        {bank.length - left} of {bank.length} asked{next ? `. Next in order: “${next.prompt}”` : ". Every question has been asked; you can pick one again."}
      </p>
      <fieldset className="radio-group">
        <legend>Which question</legend>
        {hows.map((h) => (
          <label key={h.value} className="check">
            <input type="radio" name="how" value={h.value} checked={how === h.value} disabled={disabled} onChange={() => setHow(h.value)} />
            {h.label}
          </label>
        ))}
      </fieldset>
      {how === "pick" ? (
        <>
          <label htmlFor="quiz-pick">Question from the bank</label>
          <select id="quiz-pick" value={picked} disabled={disabled} onChange={(e) => setPicked(e.currentTarget.value)}>
            {bank.map((item, i) => (
              <option key={item.id} value={item.id}>
                {item.asked ? "✓ asked · " : ""}
                {i + 1}. {item.prompt} ({item.seconds} s)
              </option>
            ))}
          </select>
        </>
      ) : null}
      <fieldset className="radio-group">
        <legend>Points for this question</legend>
        <label className="check">
          <input type="radio" name="points" value="" defaultChecked disabled={disabled} />
          As the scenario sets them
        </label>
        {multipliers.map((m) => (
          <label key={m} className="check">
            <input type="radio" name="points" value={m} disabled={disabled} />
            {multiplierLabel(m)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={disabled || (how !== "pick" && left === 0)}>
        Ask question
      </button>
    </form>
  );
}
