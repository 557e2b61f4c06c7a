import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClosedNotice } from "~/components/ClosedNotice";
import { ConnectionStatus } from "~/components/ConnectionStatus";
import { DatabaseBanner } from "~/components/DatabaseBanner";
import { Podium } from "~/components/Leaderboard";
import { Glossary, MotionFrame, Paragraphs } from "~/components/MotionFrame";
import { PersuasionResult } from "~/components/PersuasionResult";
import { Scoreboard } from "~/components/Scoreboard";
import { SideBrief } from "~/components/SideBrief";
import { StudentPoll } from "~/components/StudentPoll";
import { StudentQuiz } from "~/components/StudentQuiz";
import { StudentRound } from "~/components/StudentRound";
import { isSpeakingRound, sideNames } from "~/lib/debate";
import { useLiveView } from "~/lib/live";
import { useStage } from "~/lib/stage";
import { pollNews } from "~/lib/polls";
import { quizNews } from "~/lib/quiz";
import { requireSeat } from "~/lib/seat.server";
import type { ParticipantView } from "../../server/live/views/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.session.title} · Rostrum` : "Rostrum" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seat = await requireSeat(request, context, params.code ?? "");
  // What students read about the motion never changes in a session: sent once with the page, not with every view.
  const { frame, background, glossary } = await context.live.scenarios.content(seat.session.scenarioVersionId);
  return { sessionId: seat.session.id, view: await context.live.participantView(seat.participant), about: { frame, background, glossary } };
}

export default function Play() {
  const data = useLoaderData<typeof loader>();
  const { view, connection, refusal, database, send, offsetMs } = useLiveView<ParticipantView>({ role: "participant", sessionId: data.sessionId }, data.view);
  const { session, me, side } = view;
  // The brief folds away while the student speaks or asks; in preparation it is what they read.
  const round = view.debate.round;
  const board = view.debate.scoreboard ? <Scoreboard board={view.debate.scoreboard} /> : null;
  const speaking = round !== null && round.status !== "closed" && (isSpeakingRound(round.kind) || round.kind === "crossfire");
  const { current } = view.polls;
  const { question } = view.quiz;
  const pollOpen = current?.status === "open";
  const quizOpen = question?.status === "open";
  const stage = useStage(view);
  const poll = current ? <StudentPoll key={current.id} poll={current} myVote={view.myVote} send={send} /> : null;
  const review = `/play/${session.code}/review`;
  const quiz = question ? <StudentQuiz key={question.id} question={question} myQuiz={view.myQuiz} send={send} offsetMs={offsetMs} /> : null;

  if (me.removed) {
    return (
      <main id="main" className="page narrow">
        <h1>You were removed from this session</h1>
        <p role="alert">The teacher removed you from “{session.title}”. If you think this is a mistake, ask your teacher.</p>
        <p className="actions">
          <Link to={review}>See your review</Link>
          <Link to="/">Back to the start page</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="page narrow">
      <p className="actions" style={{ justifyContent: "space-between" }}>
        <span className="person-name">
          <strong>{me.name}</strong> · code <span className="join-code">{session.code}</span>
        </span>
        <ConnectionStatus connection={connection} />
      </p>
      {connection === "offline" ? (
        <p className="banner warn" role="status">
          Connection lost. Your seat is kept; reconnecting…
        </p>
      ) : null}
      <DatabaseBanner status={database} consequence="Your actions are not being saved right now." />
      <ClosedNotice connection={connection} refusal={refusal} />
      <h1>{session.title}</h1>
      <p className="panel">
        <strong>Motion:</strong> {session.motion}
      </p>
      <details className="panel about-motion">
        <summary>
          <strong>About the motion</strong>: {data.about.frame ? `set in ${data.about.frame.year}, what its words mean, ` : ""}background and
          glossary
        </summary>
        {data.about.frame ? <MotionFrame frame={data.about.frame} headingLevel={2} /> : null}
        <h2>Background</h2>
        <Paragraphs text={data.about.background} />
        <h2>Glossary</h2>
        <Glossary entries={data.about.glossary} />
      </details>
      {session.status === "ended" ? (
        <p className="banner note" role="status">
          This session has ended. Thank you for taking part!{" "}
          <Link to={review} className="button">
            See your review
          </Link>
        </p>
      ) : (
        <p>
          <Link to={review}>Your review</Link>: your scores, the teacher's comments and your quiz answers so far.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {side ? `You are on the side: ${side.name}.` : "You are in the lobby."}
      </p>
      {/* Outside the keyed poll and question, so a new one is announced too (opened, closed, revealed; never per tally). */}
      <p className="visually-hidden" aria-live="polite">
        {current ? pollNews(current) : ""}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {question ? quizNews(question) : ""}
      </p>
      {/* An open poll or question comes first: it is what the class is doing now. */}
      {quizOpen ? quiz : null}
      {pollOpen ? poll : null}
      {side && round ? <StudentRound view={view} send={send} offsetMs={offsetMs} scoreboard={board} /> : board}
      {/* Closed ones after, the newer first. */}
      {stage === "poll" && !pollOpen ? poll : null}
      {quizOpen ? null : quiz}
      {stage !== "poll" && !pollOpen ? poll : null}
      {view.quiz.podium ? (
        <div className="panel">
          <Podium podium={view.quiz.podium} sideName={sideNames(view.sides)} />
        </div>
      ) : null}
      {view.polls.persuasion ? (
        <div className="panel">
          <PersuasionResult persuasion={view.polls.persuasion} />
        </div>
      ) : null}
      {side ? (
        <SideBrief side={side} briefOpen={!speaking} />
      ) : (
        <p className="banner note">You are in the lobby. Your teacher will put you on a side soon; it will appear here.</p>
      )}
    </main>
  );
}
