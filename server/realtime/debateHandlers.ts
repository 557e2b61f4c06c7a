// Debate commands: the teacher runs rounds, judges and rules; students write, vote and challenge.
// Each handler parses (in `handle`), checks the role, and calls the engine with the socket's own identity.
import type { Live } from "../live";
import { handle, type LiveSocket } from "./handlers";

const host = ["host"] as const;
const student = ["participant"] as const;

export function registerDebateHandlers(socket: LiveSocket, live: Live) {
  handle(socket, "round:start", host, (d, p) => live.startRound(d.teacherId, d.sessionId, p.index));
  handle(socket, "round:skip", host, (d, p) => live.skipRound(d.teacherId, d.sessionId, p.index));
  handle(socket, "round:pause", host, (d, p) => live.pauseRound(d.teacherId, d.sessionId, p.roundId));
  handle(socket, "round:resume", host, (d, p) => live.resumeRound(d.teacherId, d.sessionId, p.roundId));
  handle(socket, "round:extend", host, (d, p) => live.extendRound(d.teacherId, d.sessionId, p.roundId, p.seconds));
  handle(socket, "round:end", host, (d, p) => live.endRound(d.teacherId, d.sessionId, p.roundId));
  handle(socket, "round:reveal", host, (d, p) => live.revealArguments(d.teacherId, d.sessionId, p.roundId));
  handle(socket, "settings:update", host, (d, p) => live.updateSettings(d.teacherId, d.sessionId, p));
  handle(socket, "ballot:submit", host, (d, p) => live.submitBallot(d.teacherId, d.sessionId, p.argumentId, p.scores, p.comment));
  handle(socket, "challenge:rule", host, (d, p) => live.ruleChallenge(d.teacherId, d.sessionId, p.challengeId, p.upheld, p.reason));

  handle(socket, "argument:submit", student, (d, p) => live.submitArgument(d, p.roundId, p));
  handle(socket, "crossfire:ask", student, (d, p) => live.askQuestion(d, p.roundId, p.targetSideId, p));
  handle(socket, "crossfire:answer", student, (d, p) => live.answerQuestion(d, p.questionId, p));
  handle(socket, "vote:cast", student, (d, p) => live.castVote(d, p.roundId, p.argumentId));
  handle(socket, "challenge:open", student, (d, p) => live.openChallenge(d, p.argumentId, p.cardId, p.reason));
}
