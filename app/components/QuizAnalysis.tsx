import type { QuizItemAnalysis } from "../../server/live/review/types";
import { bars } from "~/lib/polls";
import { keyText, multiplierLabel } from "~/lib/quiz";
import { correctLine, masteryOf, percentText, secondsText } from "~/lib/review";
import { BarChart } from "./BarChart";
import { QuizOutcome } from "./QuizOutcome";

const anchor = (item: QuizItemAnalysis) => `question-${item.questionId}`;

/** How often each wrong option was chosen, or a numeric question's wrong values. */
function WrongAnswers({ item }: { item: QuizItemAnalysis }) {
  if (item.kind === "numeric")
    return item.wrong.length ? (
      <p>
        <strong>Wrong values given:</strong> {item.wrong.map((w) => `${w.label} (${w.count})`).join(", ")}
      </p>
    ) : (
      <p className="muted">No wrong values were given.</p>
    );
  if (item.wrong.every((w) => w.count === 0)) return <p className="muted">No one chose a wrong option.</p>;
  return (
    <>
      <p className="chart-title">
        <strong>Wrong options chosen</strong>
      </p>
      <BarChart bars={bars(item.wrong.map((w) => w.label), item.wrong.map((w) => w.count), item.answered)} caption={`Wrong options chosen in question ${item.position}`} counted="Students" />
    </>
  );
}

/** One question: how many knew it, how fast, the right answer and why, and the wrong answers given. */
function QuizItem({ item, anonymous }: { item: QuizItemAnalysis; anonymous: boolean }) {
  const mastery = masteryOf(item.shareCorrect);
  const open = item.status === "open";
  return (
    <article className={`panel quiz-item mastery-${mastery.tone}`} aria-labelledby={anchor(item)}>
      <h3 id={anchor(item)}>
        Question {item.position}: {item.prompt}
      </h3>
      {open ? (
        <p className="banner warn">⏳ Still open: answers are still arriving, so these figures are not final.</p>
      ) : (
        <p className="mastery">
          <strong>
            {mastery.symbol} {mastery.text}
          </strong>
        </p>
      )}
      <p className="share-line">
        <span className="share">
          <span className="share-track" aria-hidden="true">
            <span className="share-fill" style={{ width: percentText(item.shareCorrect ?? 0) }} />
          </span>
          {correctLine(item)}
        </span>
        {item.averageMs !== null ? <span> · average time {secondsText(item.averageMs)}</span> : null}
        {item.multiplier !== 1 ? <span> · {multiplierLabel(item.multiplier)}</span> : null}
      </p>
      {/* A review projected to the class while a question is open must not show its answer. */}
      {open && anonymous ? <p className="muted">The answer is shown once the question closes.</p> : <QuizOutcome question={item} distribution={false} />}
      <WrongAnswers item={item} />
    </article>
  );
}

/**
 * Item analysis, hardest first: which facts the class missed, listed first, then each question
 * with its share correct, its average time, the right answer with its explanation and source,
 * and the wrong answers chosen.
 */
export function QuizAnalysis({ items, anonymous }: { items: QuizItemAnalysis[]; anonymous: boolean }) {
  // Hardest first already: the facts missed by most, then those missed by some (a question still open is not judged yet).
  const missed = items.filter((i) => i.status === "closed" && ["missed", "mixed"].includes(masteryOf(i.shareCorrect).tone));
  return (
    <section aria-labelledby="quiz-heading" className="review-section">
      <h2 id="quiz-heading">Quiz: what the class knew</h2>
      {items.length === 0 ? (
        <p className="muted">No quiz questions were asked.</p>
      ) : (
        <>
          <div className="panel missed-facts">
            <h3>Facts the class missed</h3>
            {missed.length ? (
              <ul>
                {missed.map((i) => (
                  <li key={i.questionId}>
                    {masteryOf(i.shareCorrect).symbol}{" "}
                    <a href={`#${anchor(i)}`}>
                      Question {i.position}: {i.prompt}
                    </a>{" "}
                    <span className="muted">
                      — {correctLine(i)}. Answer: {keyText(i, i.key)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>✓ Nearly everyone answered every question correctly.</p>
            )}
          </div>
          <p className="muted">Hardest first: the lowest share of correct answers at the top.</p>
          {items.map((item) => (
            <QuizItem key={item.questionId} item={item} anonymous={anonymous} />
          ))}
        </>
      )}
    </section>
  );
}
