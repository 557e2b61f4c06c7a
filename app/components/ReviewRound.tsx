import type { ReviewArgument, ReviewPage, ReviewRound as Round } from "../../server/live/review/types";
import { planStatusLabel, sideNames } from "~/lib/debate";
import { spanText, timeText, type Zone } from "~/lib/review";
import { roundName } from "~/lib/reviewLedger";
import { ArgumentItem } from "./ArgumentItem";
import { BallotSummary } from "./BallotSummary";
import { Time } from "./LocalTime";
import { roundKindLabel } from "./ScenarioPlan";

type Props = { round: Round; review: ReviewPage; zone: Zone };

/** How much a round holds, for its folded line: "3 speeches, 2 scored". */
function contents(round: Round): string {
  if (round.kind === "crossfire") {
    const answers = round.threads.reduce((sum, t) => sum + t.answers.length, 0);
    return `${round.threads.length} ${round.threads.length === 1 ? "question" : "questions"}, ${answers} ${answers === 1 ? "answer" : "answers"}`;
  }
  if (round.speeches.length === 0) return "";
  const scored = round.speeches.filter((s) => s.ballots.length > 0).length;
  return `${round.speeches.length} ${round.speeches.length === 1 ? "speech" : "speeches"}, ${scored} scored`;
}

/**
 * One round of the plan as it ran: its kind, status and times on the folded line, and inside
 * every speech (or crossfire thread) with its cited cards, the challenges to them and their
 * rulings, the teacher's ballot, its rubric points and the peer votes it received.
 */
export function ReviewRound({ round, review, zone }: Props) {
  const name = sideNames(review.scenario.sides);
  const heading = `round-${round.id}`;
  const times = round.status === "skipped" ? `skipped at ${timeText(round.startedAt, zone)}` : spanText(round.startedAt, round.closedAt, zone);
  const entry = (a: ReviewArgument, level: 4 | 5 = 4) => (
    <ArgumentItem key={a.id} argument={a} sideName={name} headingLevel={level}>
      <p className="argument-score">
        <span>
          Rubric points: <strong>{a.ballots.length ? a.rubricPoints : "not scored"}</strong>
        </span>{" "}
        <span>
          Peer votes received: <strong>{a.peerVotes}</strong>
        </span>
        <span className="muted small-print">
          {" "}
          · sent <Time ms={a.createdAt}>{timeText(a.createdAt, zone)}</Time>
        </span>
      </p>
      {a.ballots.map((b, i) => (
        <BallotSummary key={i} ballot={b} rubric={review.scenario.rubric} author={a.author} />
      ))}
    </ArgumentItem>
  );
  const said = round.speeches.length > 0 || round.threads.length > 0;
  return (
    <li className="review-round">
      <h3 id={heading} className="round-heading">
        {roundName(round)} <span className="kind-tag">{roundKindLabel[round.kind]}</span>
      </h3>
      <p className="round-facts">
        <strong>{planStatusLabel[round.status]}</strong> · <Time ms={round.startedAt}>{times}</Time>
        {round.sides.length ? <> · on the floor: {round.sides.map((s) => name(s)).join(", ")}</> : null}
      </p>
      {round.kind === "poll" ? <p>This round ran a poll: its results are under <a href="#polls-heading">Polls</a>.</p> : null}
      {round.kind === "quiz" ? <p>This round asked quiz questions: see <a href="#quiz-heading">Quiz</a>.</p> : null}
      {said ? (
        <details className="round-body">
          <summary>
            {round.kind === "crossfire" ? "Questions and answers" : "Speeches"}: {contents(round)}
            <span className="visually-hidden"> in {roundName(round)}</span>
          </summary>
          {round.kind === "crossfire" ? (
            <ol className="threads" aria-label={`Questions in ${roundName(round)}`}>
              {round.threads.map(({ question, answers }) => (
                <li key={question.id}>
                  {entry(question)}
                  {answers.length ? (
                    <ol className="answers" aria-label={`Answers to ${question.author}`}>
                      {answers.map((a) => (
                        <li key={a.id}>{entry(a, 5)}</li>
                      ))}
                    </ol>
                  ) : (
                    <p className="muted answers">Not answered.</p>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            round.speeches.map((a) => entry(a))
          )}
          {round.peerVoters ? (
            <p className="muted small-print">
              {round.peerVoters} {round.peerVoters === 1 ? "student" : "students"} cast a peer vote in this round.
            </p>
          ) : null}
        </details>
      ) : round.kind === "crossfire" ? (
        <p className="muted">No questions were asked.</p>
      ) : round.kind !== "poll" && round.kind !== "quiz" && round.kind !== "prep" && round.status !== "skipped" ? (
        <p className="muted">No speeches were given.</p>
      ) : null}
    </li>
  );
}
