// The session engine: every change to a live session is a command of one of these modules.
// Callers have parsed their input; commands authorize, run one transaction and publish after it
// commits (./command.ts). This file only composes the modules.
import type { Database } from "../../db/client";
import { createCommandRunner } from "./command";
import { createArguments } from "./debate/arguments";
import { createJudging } from "./debate/judging";
import { createDeletion, SESSION_DELETED } from "./lobby/deletion";
import { createRejoin } from "./lobby/rejoin";
import { createSeatTokens } from "./lobby/seatTokens";
import { createSeating } from "./lobby/seating";
import { createSessions } from "./lobby/sessions";
import { createPresence } from "./presence";
import type { SocketData, LiveServer } from "./publish/events";
import { closeRoom, createPublisher } from "./publish/publisher";
import { createRounds } from "./rounds/rounds";
import type { ScenarioLibrary } from "./scenarios";
import { createViews } from "./views/build";
import { createHotPath } from "./hotpath";
import { createPolls } from "./polls/polls";
import { createTallies } from "./polls/tallies";
import { createPollViews } from "./polls/views";
import { createQuizBoards } from "./quiz/board";
import { createQuiz } from "./quiz/quiz";
import { createQuizViews } from "./quiz/views";
import { createQuizProgress } from "./quiz/progress";
import { rooms } from "./publish/rooms";
import { createSessionCaches } from "./sessionCaches";
import { createReviews } from "./review";
import type { View } from "./views/types";

export type LiveOptions = {
  db: Database;
  io: LiveServer;
  scenarios: ScenarioLibrary;
  /** The server's secret: join forms' rejoin tokens are derived from it. */
  secret: string;
  coalesceMs?: number;
};

export function createLive({ db, io, scenarios, secret, coalesceMs = 100 }: LiveOptions) {
  const presence = createPresence();
  const hot = createHotPath(db, scenarios);
  const tallies = createTallies(db, io);
  const pollViews = createPollViews(db, tallies);
  const boards = createQuizBoards(db);
  hot.onCommand(boards.invalidate);
  const progress = createQuizProgress(db, io);
  const quizViews = createQuizViews(db, boards, progress);
  const caches = createSessionCaches((sessionId) => io.of("/").adapter.rooms.has(rooms.session(sessionId)));
  for (const cache of [hot.gates.cache, tallies.cache, pollViews.cache, boards.cache, quizViews.cache]) caches.register(cache);
  const views = createViews(db, scenarios, presence, { polls: pollViews, quiz: quizViews });
  const publisher = createPublisher(io, views, coalesceMs);
  const commands = createCommandRunner(db, scenarios, publisher, hot);
  const sessions = createSessions(db, scenarios);
  const tokens = createSeatTokens(secret);
  const polls = createPolls({ db, io, commands, hot, tallies, views: pollViews });
  const quiz = createQuiz({ db, io, commands, hot, boards, views: quizViews, progress });
  const rounds = createRounds(db, commands, {
    started: polls.openForRound,
    async closed(ctx, round) {
      await polls.closeForRound(ctx, round.id);
      if (ctx.session.roundPlan[round.planIndex]?.kind === "quiz") await quiz.closeForRound(ctx, round.id);
    },
    async sessionEnded(ctx) {
      await polls.closeAll(ctx);
      await quiz.closeAll(ctx);
    },
  });

  const deletion = createDeletion({
    owned: sessions.hostedSession,
    db,
    hot,
    scenarios,
    // Nothing of a deleted session stays in memory, and every console, projector and phone on it is told and closed.
    forget(sessionId) {
      caches.forget(sessionId);
      rounds.disarmSession(sessionId);
      quiz.forgetSession(sessionId);
      publisher.forget(sessionId);
      closeRoom(io, rooms.session(sessionId), SESSION_DELETED);
    },
  });

  return {
    presence,
    scenarios,
    ...sessions,
    ...deletion,
    ...createSeating({
      db,
      commands,
      sessions,
      tokens,
      // A removed student's votes and answers leave the live counts and results (their rows
      // stay): the counts held are changed first, then every audience is sent both parts again.
      seatRemoved(ctx, participantId) {
        const sessionId = ctx.session.id;
        ctx.out.after(() => {
          pollViews.seatRemoved(sessionId);
          quizViews.seatRemoved(sessionId);
          return Promise.all([tallies.seatRemoved(sessionId, participantId), progress.seatRemoved(sessionId, participantId)]);
        });
        polls.announce(ctx);
        quiz.announce(ctx);
      },
    }),
    ...createRejoin({ db, commands, tokens }),
    ...createReviews(db, scenarios, sessions),
    ...rounds,
    ...createArguments(commands, scenarios),
    ...createJudging(commands, scenarios),
    startPoll: polls.startPoll,
    closePoll: polls.closePoll,
    revealPoll: polls.revealPoll,
    hideEntry: polls.hideEntry,
    pollVoters: polls.pollVoters,
    castPollVote: polls.castPollVote,
    askQuizQuestion: quiz.askQuizQuestion,
    endQuizQuestion: quiz.endQuizQuestion,
    submitQuizAnswer: quiz.submitQuizAnswer,

    hostView: views.host,
    projectorView: views.projector,
    participantView: views.participant,

    presenceChanged: publisher.presenceChanged,

    snapshot(data: SocketData): Promise<View> {
      if (data.role === "participant") return views.participant({ id: data.participantId, sessionId: data.sessionId });
      return data.role === "host" ? views.host(data.sessionId) : views.projector(data.sessionId);
    },

    /** Re-arms the deadlines of the rounds and questions that were running when the server stopped. */
    async start() {
      await Promise.all([rounds.rearm(), quiz.rearm()]);
    },

    /** Drops from memory what is held for sessions no one is connected to (it runs every minute by itself). */
    sweep: caches.sweep,

    /** Settles once nothing it started still reads the database. */
    async close() {
      caches.stop();
      rounds.stop();
      quiz.stop();
      tallies.stop();
      hot.stop();
      await publisher.close();
    },
  };
}

export type Live = ReturnType<typeof createLive>;
