import type { ArgumentView, CardView, ParticipantView } from "../../server/live/views/types";
import { isSpeakingRound, listNames, ofRound, sideNames, votableFor } from "~/lib/debate";
import type { Send } from "~/lib/live";
import { ArgumentItem } from "./ArgumentItem";
import { ChallengeQuote, MyChallenges } from "./ChallengeQuote";
import { Composer } from "./Composer";
import { Crossfire } from "./Crossfire";
import { CurrentRound } from "./CurrentRound";
import { PeerVote } from "./PeerVote";

/** `scoreboard`, when the teacher shows it, goes high: right under a closed round's header, after the student's own task while a round is open. */
type Props = { view: ParticipantView; send: Send; offsetMs: number; scoreboard: React.ReactNode };

/**
 * The debate on a student's phone: the round now, writing a speech when their side has the
 * floor, crossfire, reading and challenging other sides' cards, and voting once a round closes.
 */
export function StudentRound({ view, send, offsetMs, scoreboard }: Props) {
  const { round, myVotes, myChallenges } = view.debate;
  if (!round) return null;
  const name = sideNames(view.sides);
  const mySide = view.side?.id ?? null;
  const onFloor = mySide !== null && round.sides.includes(mySide);
  const closed = round.status === "closed";
  const items = ofRound(view.debate.arguments, round.id);
  const mine = items.find((a) => a.participantId === view.me.id && a.kind === "argument");
  const others = items.filter((a) => a !== mine);
  // Only a card another side cites can be challenged.
  const cardAction = (a: ArgumentView) =>
    a.sideId !== mySide ? (card: CardView) => <ChallengeQuote argument={a} card={card} myChallenges={myChallenges} send={send} /> : undefined;
  const readable = round.revealed || round.kind === "crossfire";
  const roundNews = `${round.title}: ${closed ? "closed" : "running"}.${onFloor && !closed ? " Your side has the floor." : ""}`;

  const composer = (
    // Keyed by round: the next round's speech starts from its own draft, without the last round's outcome.
    <Composer
      key={round.id}
      label="Write your speech"
      draftKey={round.id}
      cards={view.side?.cards ?? []}
      submitted={mine ? { body: mine.body, cardIds: mine.cards.map((c) => c.id) } : undefined}
      revises
      submitLabel={mine ? "Update my speech" : "Submit my speech"}
      sentMessage={round.revealed ? "Speech sent. Everyone can read it." : "Speech sent. Your teacher and your side can read it."}
      onSubmit={(draft, clientId) => send("argument:submit", { roundId: round.id, clientId, ...draft })}
    />
  );

  return (
    <>
      <CurrentRound round={round} sideName={name} offsetMs={offsetMs} />
      {/* A new round or its close reaches a student who is not looking at the top. */}
      <p className="visually-hidden" aria-live="polite">
        {roundNews}
      </p>
      {closed ? scoreboard : null}
      {!closed && scoreboard ? (
        <p>
          <a href="#scoreboard">Skip to the scoreboard</a>
        </p>
      ) : null}
      {isSpeakingRound(round.kind) ? (
        onFloor ? (
          <section className="panel" aria-labelledby="speech-heading">
            <h2 id="speech-heading">Your speech</h2>
            {/* The composer stays put when the round closes, so unsent text and a refusal stay on screen. */}
            {closed ? <p className="banner note">This round has closed: your speech can no longer be changed.</p> : null}
            {composer}
            {mine ? (
              <>
                <h3>As your teacher has it</h3>
                <ArgumentItem argument={mine} sideName={name} headingLevel={4} />
              </>
            ) : null}
          </section>
        ) : (
          <p className="banner note">
            {listNames(round.sides.map(name))} {closed ? "had" : round.sides.length === 1 ? "has" : "have"} the floor.{closed ? "" : " Listen, and note what you would challenge."}
          </p>
        )
      ) : null}
      {round.kind === "crossfire" ? <Crossfire view={view} round={round} send={send} cardAction={cardAction} /> : null}
      {closed ? null : scoreboard}
      {isSpeakingRound(round.kind) ? (
        <section aria-labelledby="round-arguments">
          <h2 id="round-arguments">Arguments in this round ({others.length})</h2>
          {!round.revealed ? <p className="muted">You see your own side's arguments; the others' appear when your teacher reveals them.</p> : null}
          {others.map((a) => (
            <ArgumentItem key={a.id} argument={a} sideName={name} cardAction={cardAction(a)} />
          ))}
        </section>
      ) : null}
      {/* Peer votes are for the arguments of debate rounds; a poll or quiz round has none. */}
      {closed && mySide && (isSpeakingRound(round.kind) || round.kind === "crossfire") ? (
        readable ? (
          <PeerVote roundId={round.id} choices={votableFor(view.debate.arguments, round.id, mySide)} votedFor={myVotes[round.id]} sideName={name} send={send} />
        ) : (
          <p className="muted">When your teacher reveals this round, you can vote for the most persuasive argument.</p>
        )
      ) : null}
      <MyChallenges challenges={myChallenges} />
    </>
  );
}
