// A student's own review, reached from their device (their seat cookie) during and after the
// session: their arguments with the teacher's scores and comments, their challenges, their quiz
// answers with the key, their points and their side's result; nobody else's. A record read
// once from the database, so it needs no socket and works without JavaScript. (`$code_`: a page
// of its own at /play/:code/review, not drawn inside the live page.)
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArgumentItem } from "~/components/ArgumentItem";
import { EvidenceCard, SourceCitation } from "~/components/EvidenceCard";
import { signed, sideNames } from "~/lib/debate";
import { orNotFound } from "~/lib/live.server";
import { answerText, keyText, pointsText, resultLabel } from "~/lib/quiz";
import { requireSeat } from "~/lib/seat.server";
import { argumentsByRound, breakdownParts, entryLine, rulingWords, scoreLines, sidePlace } from "~/lib/studentReview";
import type { Breakdown } from "../../server/live/scoring/debate";
import type { StudentReview } from "../../server/live/review/types";

// A student's scores, comments and answers: never kept by a shared computer's or a proxy's
// cache. Remix sends a route's `headers` with the page and with its data.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Your review · ${data.review.session.title} · Rostrum` : "Rostrum" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seat = await requireSeat(request, context, params.code ?? "");
  return { review: await orNotFound(context.live.studentReview(seat.participant)) };
}

export default function StudentReviewPage() {
  const { review } = useLoaderData<typeof loader>();
  const { sides } = review;
  const { session, me } = review;
  const running = session.status !== "ended";
  return (
    <main id="main" className="page narrow">
      {running && !me.removed ? (
        <p>
          <Link to={`/play/${session.code}`}>← Back to the live session</Link>
        </p>
      ) : null}
      <h1>Your review</h1>
      <p className="review-who">
        <strong className="person-name">{me.name}</strong> · {me.side ? me.side.name : "no side"}
      </p>
      <p className="panel">
        <strong>{session.title}</strong>
        <br />
        <strong>Motion:</strong> {session.motion}
      </p>
      {me.removed ? (
        <p className="banner warn">The teacher removed you from this session. Here is your record until then; your side keeps the points your arguments earned.</p>
      ) : null}
      <p className="banner note">
        {running
          ? "The session is still running: this is what has been scored so far. Reload the page to see newer scores."
          : "The session has ended. This is your record of it."}
      </p>
      <SideResult review={review} running={running} />
      <YourPoints review={review} />
      <YourArguments review={review} sideName={sideNames(sides)} running={running} />
      <YourChallenges review={review} running={running} />
      <YourQuiz review={review} running={running} />
    </main>
  );
}

type Section = { review: StudentReview; running: boolean };

/** Parts and total, adding up in the order the scoreboard shows them; parts that are always 0 for this row stay out. */
function BreakdownTable({ caption, breakdown, total, parts }: { caption: string; breakdown: Breakdown; total: number; parts: typeof breakdownParts }) {
  return (
    <table className="breakdown">
      <caption>{caption}</caption>
      <tbody>
        {parts.map(({ part, label }, i) => (
          <tr key={part}>
            <th scope="row">{label}</th>
            <td>{i === 0 ? breakdown[part] : signed(breakdown[part])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>
            <strong>= {total}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function SideResult({ review, running }: Section) {
  const { me, side } = review;
  return (
    <section aria-labelledby="side-result" className="panel">
      <h2 id="side-result">Your side's result</h2>
      {!me.side ? (
        <p>You were not on a side, so there is no side result for you.</p>
      ) : side ? (
        <>
          <p className="review-headline">
            {me.side.name}: <strong>{sidePlace(side)}</strong> with {pointsText(side.total)}
            {running ? " so far" : ""}.
          </p>
          <BreakdownTable caption="Your side's points, by part" breakdown={side.breakdown} total={side.total} parts={breakdownParts} />
        </>
      ) : (
        <p>Your side's result appears here when the session ends: your teacher keeps the scoreboard hidden until then.</p>
      )}
    </section>
  );
}

function YourPoints({ review }: { review: StudentReview }) {
  const { standing, me } = review;
  return (
    <section aria-labelledby="your-points" className="panel">
      <h2 id="your-points">Your points</h2>
      {standing ? (
        <>
          <p className="review-headline">
            <strong>{pointsText(standing.total)}</strong> in all.
          </p>
          {/* Audience points go to sides only. */}
          <BreakdownTable caption="Your points, by part" breakdown={standing.breakdown} total={standing.total} parts={breakdownParts.filter((p) => p.part !== "audience")} />
          <h3>Where they came from</h3>
          {standing.entries.length > 0 ? (
            <ul className="ledger">
              {standing.entries.map((entry, i) => {
                const line = entryLine(entry, review);
                return (
                  <li key={i}>
                    <span>{line.href ? <a href={line.href}>{line.text}</a> : line.text}</span> <strong className="ledger-points">{signed(line.points)}</strong>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted">Nothing has earned or cost you points yet.</p>
          )}
        </>
      ) : (
        <p>{me.removed ? "Removed students are not in the standings. Your side keeps the points your arguments earned." : "You have no points yet."}</p>
      )}
    </section>
  );
}

function YourArguments({ review, sideName, running }: Section & { sideName: (id: string | null) => string }) {
  const rounds = argumentsByRound(review.arguments);
  return (
    <section aria-labelledby="your-arguments">
      <h2 id="your-arguments">Your arguments</h2>
      {rounds.length === 0 ? <p className="panel muted">You have not submitted an argument{running ? " yet" : " in this session"}.</p> : null}
      {rounds.map((round) => (
        <section key={round.roundId} aria-labelledby={`round-${round.roundId}`}>
          <h3 id={`round-${round.roundId}`}>
            {round.roundTitle} <span className="muted">· round {round.roundIndex + 1}</span>
          </h3>
          {round.arguments.map((a) => (
            <ArgumentItem key={a.id} argument={a} sideName={sideName} headingLevel={4}>
              <ArgumentScores argument={a} rubric={review.rubric} />
            </ArgumentItem>
          ))}
        </section>
      ))}
    </section>
  );
}

/** What one argument earned: each ballot's scores with what they mean and the comment, its peer votes, the challenges ruled. */
function ArgumentScores({ argument: a, rubric }: { argument: StudentReview["arguments"][number]; rubric: StudentReview["rubric"] }) {
  const upheld = a.challenges.filter((c) => c.status === "upheld").length;
  return (
    <div className="argument-scores">
      {a.ballots.length === 0 ? <p className="muted">Not scored by the teacher.</p> : null}
      {a.ballots.map((ballot, i) => (
        <div key={i} className="review-ballot">
          <p>
            <strong>Score: {pointsText(ballot.points)}</strong> <span className="muted">from {ballot.judge}</span>
          </p>
          <ul className="rubric-scores">
            {scoreLines(rubric, ballot.scores).map((line) => (
              <li key={line.id}>
                <span className="criterion">{line.label}</span>{" "}
                {line.score === null ? (
                  <span className="muted">not scored</span>
                ) : (
                  <>
                    <span className="pips" aria-hidden="true">
                      {"●".repeat(line.score)}
                      {"○".repeat(Math.max(0, line.of - line.score))}
                    </span>{" "}
                    <strong>
                      {line.score} of {line.of}
                    </strong>
                    {line.descriptor ? <span className="descriptor">{line.descriptor}</span> : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          {ballot.comment ? (
            <div className="teacher-comment">
              <p>
                <strong>Comment:</strong>
              </p>
              <p className="argument-body">{ballot.comment}</p>
            </div>
          ) : null}
        </div>
      ))}
      {a.ballots.length > 1 ? <p>Rubric points: the mean of {a.ballots.length} scores, {a.rubricPoints}.</p> : null}
      <p>
        {a.peerVotes === 0 ? "No peer votes." : `${a.peerVotes} ${a.peerVotes === 1 ? "classmate" : "classmates"} voted for it as the most persuasive.`}
        {upheld > 0 ? ` ${upheld === 1 ? "A challenge" : `${upheld} challenges`} to its cards ${upheld === 1 ? "was" : "were"} upheld (see the card).` : ""}
      </p>
    </div>
  );
}

function YourChallenges({ review, running }: Section) {
  const { challenges, standing } = review;
  const pointsOf = (id: string) => standing?.entries.find((e) => e.origin.kind === "challenge" && e.origin.role === "challenger" && e.origin.challengeId === id)?.points;
  return (
    <section aria-labelledby="your-challenges-heading" id="your-challenges">
      <h2 id="your-challenges-heading">Your challenges</h2>
      {challenges.length === 0 ? <p className="panel muted">You have not challenged a card{running ? " yet" : " in this session"}.</p> : null}
      {challenges.map((c) => {
        const points = pointsOf(c.id);
        return (
          <article key={c.id} id={`challenge-${c.id}`} className="argument" aria-label={`Your challenge: ${c.status}`}>
            {c.card ? <EvidenceCard card={c.card} use={false} /> : <p className="muted">A card no longer in the scenario.</p>}
            <p>
              <strong>Your reason:</strong> <span className="reason">{c.reason}</span>
            </p>
            <p>
              <strong>{rulingWords[c.status]}</strong>
              {points !== undefined ? <> ({signed(points)})</> : null}
              {c.ruling ? <> · Teacher: {c.ruling}</> : null}
            </p>
          </article>
        );
      })}
    </section>
  );
}

function YourQuiz({ review, running }: Section) {
  return (
    <section aria-labelledby="your-quiz-heading" id="your-quiz">
      <h2 id="your-quiz-heading">Your quiz</h2>
      {review.quiz.length === 0 ? <p className="panel muted">{running ? "No quiz question has closed yet." : "This session had no quiz questions."}</p> : null}
      <ol className="review-quiz">
        {review.quiz.map((q) => {
          const { answer } = q;
          const result = resultLabel({ answered: answer !== null, correct: answer?.correct ?? false, credit: answer?.credit ?? 0 });
          return (
            <li key={q.questionId} className="panel">
              <h3>Question {q.position}</h3>
              <p className="quiz-prompt-text">{q.prompt}</p>
              <p className={`result-line result-${result.tone}`}>
                <strong>
                  <span aria-hidden="true">{result.symbol}</span> {result.text}
                </strong>
                {answer?.points != null ? ` · ${pointsText(answer.points)}` : ""}
                {answer?.streak ? ` · streak ${answer.streak}` : ""}
              </p>
              <p>
                <strong>Your answer:</strong> {answer ? answerText(q, answer.answer) : "no answer"}
              </p>
              <p className="quiz-key">
                <strong>✓ Answer: {keyText(q, q.key)}</strong>
              </p>
              <p>
                <strong>Why:</strong> {q.key.explanation}
              </p>
              <p className="attribution small-print">
                Source: <SourceCitation source={q.key.source} />
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
