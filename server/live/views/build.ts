// Whole views, read fresh from the database: for a snapshot (connect, reconnect) and for the
// lobby's coalesced seat changes. One load of the session serves every audience built from it.
import { and, asc, eq } from "drizzle-orm";
import type { PackedScenario } from "../../../content/schema";
import type { Database } from "../../../db/client";
import { ballots, challenges, debateArguments, participants, peerVotes, quizQuestions, rounds, sessions } from "../../../db/schema";
import { canRead, isPublic, type Reader } from "../debate/visibility";
import { LiveError } from "../errors";
import { sessionNotFound } from "../guards";
import { pendingRejoinRequests } from "../lobby/rejoin";
import { activeOf, allSeats, isActive, seatColumns, type Seat } from "../lobby/seats";
import { isUnassigned, sideIdsOf, sideOfSeat } from "../lobby/sides";
import type { Presence } from "../presence";
import type { ScenarioLibrary } from "../scenarios";
import { ballotPoints } from "../scoring/debate";
import { scoreboardOf, shownScoreboard, voteCounts } from "../scoring/scoreboard";
import { cardsById, sideCards } from "./cards";
import { argumentView, challengeView, currentRound, namesOf, planItems, settingsOf } from "./debate";
import type { SocketData } from "../publish/events";
import type { PollViews } from "../polls/views";
import type { QuizViews } from "../quiz/views";
import { quizPointRows } from "../quiz/board";
import { sharedReads } from "../sharedReads";
import type { DebateView, HostView, MyQuiz, MyVote, ParticipantView, ProjectorView, SideSummary } from "./types";

const sideSummaries = (scenario: PackedScenario): SideSummary[] => scenario.sides.map(({ id, name, stance, leans }) => ({ id, name, stance, leans }));

export type SessionState = Awaited<ReturnType<ReturnType<typeof createViews>["load"]>>;

/** The polls and quiz parts, built by their own modules. */
export type LiveParts = { polls: PollViews; quiz: QuizViews };

export function createViews(db: Database, scenarios: ScenarioLibrary, presence: Presence, parts: LiveParts) {
  /**
   * One read of a session for the views built from it. Snapshots are the busiest reads (a class
   * reconnecting at once), so each loads only what its audience can see: rejoin requests are
   * the teacher's, ballots only count once a scoreboard is shown, and a session that has run no
   * round has no debate rows to read.
   */
  async function load(sessionId: string, audience: SocketData["role"]) {
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    if (!session) throw sessionNotFound();
    const forHost = audience === "host";
    const [scenario, requests, roundRows] = await Promise.all([
      scenarios.content(session.scenarioVersionId),
      forHost ? pendingRejoinRequests(db, sessionId) : [],
      db.select().from(rounds).where(eq(rounds.sessionId, sessionId)).orderBy(asc(rounds.planIndex)),
    ]);
    const debated = roundRows.length > 0;
    // A student's view names other students only as authors and in standings, so none before a round.
    const seats = audience !== "participant" || debated ? await allSeats(db, sessionId) : [];
    const [argumentRows, ballotRows, voteRows, challengeRows] = await Promise.all([
      debated ? db.select().from(debateArguments).where(eq(debateArguments.sessionId, sessionId)).orderBy(asc(debateArguments.createdAt), asc(debateArguments.id)) : [],
      debated && (forHost || session.scoreboard !== "hidden")
        ? db.select({ ballot: ballots }).from(ballots).innerJoin(debateArguments, eq(debateArguments.id, ballots.argumentId)).where(eq(debateArguments.sessionId, sessionId))
        : [],
      debated ? db.select({ vote: peerVotes }).from(peerVotes).innerJoin(rounds, eq(rounds.id, peerVotes.roundId)).where(eq(rounds.sessionId, sessionId)) : [],
      debated ? db.select().from(challenges).where(eq(challenges.sessionId, sessionId)).orderBy(asc(challenges.createdAt)) : [],
    ]);
    // Every load builds what the projector and students see; a host load (which also serves
    // hostAndProjector) the teacher's too.
    const scored = forHost || session.scoreboard !== "hidden";
    const [pollsHost, pollsOthers, quizHost, quizOthers, quizScores, askedRows] = await Promise.all([
      forHost ? parts.polls.part(sessionId, "host") : null,
      parts.polls.part(sessionId, "others"),
      forHost ? parts.quiz.part(session, scenario, "host") : null,
      parts.quiz.part(session, scenario, "others"),
      scored ? quizPointRows(db, sessionId) : [],
      forHost ? db.select({ itemId: quizQuestions.itemId }).from(quizQuestions).where(eq(quizQuestions.sessionId, sessionId)) : [],
    ]);
    return {
      session,
      scenario,
      seats,
      polls: { host: pollsHost, others: pollsOthers },
      quiz: { host: quizHost, others: quizOthers },
      quizAnswers: quizScores,
      /** The bank's questions asked so far (the teacher's console marks them). */
      asked: new Set(askedRows.map((r) => r.itemId)),
      // Audience points count once the persuasion result is shown to the class.
      persuasion: pollsOthers.persuasion,
      requests,
      rounds: roundRows,
      arguments: argumentRows,
      ballots: ballotRows.map((r) => r.ballot),
      votes: voteRows.map((r) => r.vote),
      challenges: challengeRows,
    };
  }

  /** Students' loads of a session, shared: a class joining at once reads its session a few times over, not twice per student. */
  const studentState = sharedReads((sessionId) => load(sessionId, "participant"));

  function debateFor(state: SessionState, reader: Reader): DebateView {
    const { session, scenario } = state;
    const names = namesOf(state.seats);
    const cards = cardsById(scenario);
    const publicRounds = new Set(state.rounds.filter((r) => isPublic(session.roundPlan[r.planIndex].kind, r)).map((r) => r.id));
    const settings = settingsOf(session);
    return {
      plan: planItems(session.roundPlan, state.rounds),
      round: currentRound(session.roundPlan, state.rounds),
      arguments: state.arguments
        .filter((a) => canRead(reader, a, publicRounds.has(a.roundId)))
        .map((a) => argumentView(a, names, cards, state.challenges)),
      settings,
      scoreboard: reader.role === "host" ? scoreboardOf(state) : settings.scoreboard === "hidden" ? null : shownScoreboard(scoreboardOf(state), settings.scoreboard),
    };
  }

  function hostView(state: SessionState): HostView {
    const { session, scenario } = state;
    const seated = activeOf(state.seats);
    const byId = new Map(seated.map((p) => [p.id, p]));
    const names = namesOf(state.seats);
    const sideIds = sideIdsOf(scenario);
    return {
      audience: "host",
      version: session.version,
      serverTime: Date.now(),
      polls: state.polls.host!,
      quiz: state.quiz.host!,
      library: {
        polls: scenario.polls.map(({ id, prompt, kind, when }) => ({ id, prompt, kind, when })),
        quiz: scenario.quiz.map(({ id, prompt, kind, seconds, points }) => ({ id, prompt, kind, seconds, points, asked: state.asked.has(id) })),
      },
      session: { id: session.id, code: session.code, status: session.status, sidesLocked: session.sidesLocked, capacity: session.capacity },
      scenario: {
        id: scenario.id,
        title: scenario.title,
        motion: scenario.motion,
        sides: sideSummaries(scenario),
        rubric: scenario.rubric,
        cards: [...cardsById(scenario).values()],
      },
      participants: seated.map((p) => ({ id: p.id, name: p.displayName, sideId: sideOfSeat(p, sideIds), online: presence.isOnline(p.id) })),
      rejoinRequests: state.requests.flatMap((r) => {
        const seat = byId.get(r.participantId);
        return seat ? [{ id: r.id, participantId: seat.id, name: seat.displayName }] : [];
      }),
      debate: {
        ...debateFor(state, { role: "host" }),
        ballots: state.ballots.map((b) => ({ argumentId: b.argumentId, scores: b.scores, comment: b.comment, points: ballotPoints(scenario.rubric, b.scores) })),
        votes: voteCounts(state.votes),
        challenges: state.challenges.map((c) => challengeView(c, names)),
      },
    };
  }

  function projectorView(state: SessionState): ProjectorView {
    const { session, scenario } = state;
    const seated = activeOf(state.seats);
    const sideIds = sideIdsOf(scenario);
    return {
      audience: "projector",
      version: session.version,
      serverTime: Date.now(),
      polls: state.polls.others,
      quiz: state.quiz.others,
      session: { code: session.code, status: session.status, sidesLocked: session.sidesLocked },
      scenario: { title: scenario.title, motion: scenario.motion },
      sides: sideSummaries(scenario).map((side) => ({ ...side, members: seated.filter((p) => p.sideId === side.id).map((p) => p.displayName) })),
      unassigned: seated.filter((p) => isUnassigned(p, sideIds)).map((p) => p.displayName),
      total: seated.length,
      debate: debateFor(state, { role: "projector" }),
    };
  }

  /** Students' own votes and quiz standing, read together for any number of them. */
  async function minesOf(state: SessionState, ids: readonly string[]) {
    const [quiz, votes] = await Promise.all([
      parts.quiz.mine(state.session, state.scenario, state.quiz.others, ids),
      Promise.all(ids.map((id) => parts.polls.myVote(state.session.id, state.polls.others.current, id))),
    ]);
    return new Map(ids.map((id, i) => [id, { vote: votes[i], quiz: quiz.get(id)! }]));
  }

  function participantView(state: SessionState, participant: Seat, mine: { vote: MyVote | null; quiz: MyQuiz }): ParticipantView {
    const { session, scenario } = state;
    const removed = !isActive(participant);
    const side = removed ? undefined : scenario.sides.find((s) => s.id === participant.sideId);
    const names = namesOf(state.seats);
    const debate = debateFor(state, { role: "participant", participantId: participant.id, sideId: side?.id ?? null });
    return {
      audience: "participant",
      version: session.version,
      serverTime: Date.now(),
      polls: state.polls.others,
      quiz: state.quiz.others,
      myVote: removed ? null : mine.vote,
      myQuiz: mine.quiz,
      session: { code: session.code, status: session.status, title: scenario.title, motion: scenario.motion, sidesLocked: session.sidesLocked },
      me: { id: participant.id, name: participant.displayName, removed },
      side: side ? { ...side, cards: sideCards(scenario, side) } : null,
      sides: sideSummaries(scenario),
      debate: removed
        ? { ...debate, arguments: [], scoreboard: null, myVotes: {}, myChallenges: [] }
        : {
            ...debate,
            myVotes: Object.fromEntries(state.votes.filter((v) => v.voterId === participant.id).map((v) => [v.roundId, v.argumentId])),
            myChallenges: state.challenges.filter((c) => c.challengerId === participant.id).map((c) => challengeView(c, names)),
          },
    };
  }

  /**
   * A student's own view (removed ones get theirs too: it says so). Their seat is read after the
   * session's state, so its side and name are never older than the view's version: a move that
   * the shared read missed is in the seat, or in a newer view the client keeps.
   */
  async function ownView({ id, sessionId }: { id: string; sessionId: string }) {
    const state = await studentState(sessionId);
    const [[seat], mine] = await Promise.all([
      db.select(seatColumns).from(participants).where(and(eq(participants.id, id), eq(participants.sessionId, sessionId))),
      minesOf(state, [id]),
    ]);
    if (!seat) throw new LiveError("not_found", "We could not find your seat.");
    return participantView(state, seat, mine.get(id)!);
  }

  return {
    load,
    async host(sessionId: string) {
      return hostView(await load(sessionId, "host"));
    },
    async projector(sessionId: string) {
      return projectorView(await load(sessionId, "projector"));
    },
    async hostAndProjector(sessionId: string) {
      const state = await load(sessionId, "host");
      return { host: hostView(state), projector: projectorView(state) };
    },
    /** A student's own view, from their seat's id and session. */
    participant: ownView,
    async participants(sessionId: string, ids?: readonly string[]) {
      // Loaded as the projector is: with every seat, each student's view built from them.
      const state = await load(sessionId, "projector");
      const wanted = ids ? new Set(ids) : undefined;
      const seats = state.seats.filter((p) => !wanted || wanted.has(p.id));
      const mine = await minesOf(state, seats.map((p) => p.id));
      return seats.map((p) => participantView(state, p, mine.get(p.id)!));
    },
    async scores(sessionId: string) {
      const state = await load(sessionId, "host");
      const board = scoreboardOf(state);
      return { host: board, votes: voteCounts(state.votes), others: shownScoreboard(board, state.session.scoreboard) };
    },
  };
}

export type Views = ReturnType<typeof createViews>;
