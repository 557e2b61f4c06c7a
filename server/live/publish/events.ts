// What the engine sends to clients over Socket.IO, and who a socket is. Types only: the browser
// and server/realtime import them; the engine never imports server/realtime.
import type { Server } from "socket.io";
import type {
  ArgumentView,
  BallotView,
  ChallengeView,
  HostView,
  ParticipantView,
  PlanItem,
  PollsView,
  PollTally,
  ProjectorView,
  QuizResult,
  QuizView,
  RoundView,
  Scoreboard,
  Settings,
} from "../views/types";

/** Who a socket is, set once by the handshake middleware and never from an event. */
export type SocketData =
  | { role: "host" | "projector"; teacherId: string; loginId: string; sessionId: string }
  | { role: "participant"; participantId: string; sessionId: string };

export type DatabaseStatus = { reachable: boolean; message?: string };

/** A round started, paused, resumed, was extended, closed or skipped. `version` orders it after a snapshot. */
export type RoundChange = { version: number; serverTime: number; plan: PlanItem[]; round: RoundView | null };

export type ServerToClientEvents = {
  "host:view": (view: HostView) => void;
  "projector:view": (view: ProjectorView) => void;
  "participant:view": (view: ParticipantView) => void;
  "round:changed": (change: RoundChange) => void;
  /** An argument, question or answer was submitted or edited (or a ruling changed its challenges). */
  "argument:changed": (argument: ArgumentView) => void;
  /** The teacher revealed a round: every argument of it, for those who could not read them yet. */
  "arguments:revealed": (reveal: { version: number; roundId: string; arguments: ArgumentView[] }) => void;
  "settings:changed": (change: { version: number; settings: Settings }) => void;
  /** To the teacher only: a student's last socket closed, or their first opened. */
  "presence:changed": (presence: { participantId: string; online: boolean }) => void;
  /** To the teacher only. */
  "ballot:changed": (ballot: BallotView) => void;
  /** To the teacher and the challenger; a ruled challenge also changes its argument. */
  "challenge:changed": (challenge: ChallengeView) => void;
  /** Coalesced: the teacher gets the scoreboard and the vote counts; others the scoreboard they may see. */
  "scores:changed": (scores: { scoreboard: Scoreboard | null; votes?: Record<string, number> }) => void;
  /** A poll opened, closed, was revealed or had an entry hidden: the polls part as this audience may see it. */
  "poll:changed": (change: { version: number } & PollsView) => void;
  /** Coalesced (a few a second at most): the current poll's count as this audience may see it. */
  "poll:tally": (tally: PollTally) => void;
  /** A question was asked or closed: the quiz part as this audience may see it. */
  "quiz:changed": (change: { version: number; quiz: QuizView }) => void;
  /** Coalesced: how many have answered the open question. */
  "quiz:progress": (progress: NonNullable<QuizView["progress"]>) => void;
  /** To one student, when a question closes: how their answer went. */
  "quiz:result": (result: QuizResult) => void;
  /** Sent just before the server closes a socket for good, saying why. */
  "connection:closed": (notice: { message: string }) => void;
  /** Whether the server can reach its database: sent at connect and on every change. */
  "database:status": (status: DatabaseStatus) => void;
};

// The client→server half is server/realtime's; the engine only needs to emit, so it is left open here.
export type LiveServer = Server<Record<string, (...args: any[]) => void>, ServerToClientEvents, Record<string, never>, SocketData>;
