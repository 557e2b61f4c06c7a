// The session engine: every change to a live session is a command of one of these modules.
// Callers have parsed their input; commands authorize, run one transaction and publish after it
// commits (./command.ts). This file only composes the modules.
import type { Database } from "../../db/client";
import { createCommandRunner } from "./command";
import { createArguments } from "./debate/arguments";
import { createJudging } from "./debate/judging";
import { createRejoin } from "./lobby/rejoin";
import { createSeatTokens } from "./lobby/seatTokens";
import { createSeating } from "./lobby/seating";
import { createSessions } from "./lobby/sessions";
import { createPresence } from "./presence";
import type { SocketData, LiveServer } from "./publish/events";
import { createPublisher } from "./publish/publisher";
import { createRounds } from "./rounds/rounds";
import type { ScenarioLibrary } from "./scenarios";
import { createViews } from "./views/build";
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
  const views = createViews(db, scenarios, presence);
  const publisher = createPublisher(io, views, coalesceMs);
  const commands = createCommandRunner(db, scenarios, publisher);
  const sessions = createSessions(db, scenarios);
  const tokens = createSeatTokens(secret);
  const rounds = createRounds(db, commands);

  return {
    presence,
    scenarios,
    ...sessions,
    ...createSeating({ db, commands, sessions, tokens }),
    ...createRejoin({ db, commands, tokens }),
    ...rounds,
    ...createArguments(commands, scenarios),
    ...createJudging(commands, scenarios),

    hostView: views.host,
    projectorView: views.projector,
    participantView: views.participant,

    presenceChanged: publisher.presenceChanged,

    snapshot(data: SocketData): Promise<View> {
      if (data.role === "participant") return views.participant(data.participantId);
      return data.role === "host" ? views.host(data.sessionId) : views.projector(data.sessionId);
    },

    /** Re-arms the deadlines of the rounds that were running when the server stopped. */
    start: rounds.rearm,

    close() {
      rounds.stop();
      publisher.close();
    },
  };
}

export type Live = ReturnType<typeof createLive>;
