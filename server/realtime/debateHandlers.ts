// Debate commands: the teacher runs rounds, judges and rules; students write, vote and challenge.
// Each command is parsed and role-checked (handlers.ts), then calls the engine with the socket's own identity.
import type { Live } from "../live";
import type { Handle } from "./handlers";

const host = ["host"] as const;
const student = ["participant"] as const;

export function registerDebateHandlers(handle: Handle, live: Live) {
  handle("round:start", host, (d, p) => live.startRound(d.teacherId, d.sessionId, p.index));
  handle("round:skip", host, (d, p) => live.skipRound(d.teacherId, d.sessionId, p.index));
  handle("round:pause", host, (d, p) => live.pauseRound(d.teacherId, d.sessionId, p.roundId));
  handle("round:resume", host, (d, p) => live.resumeRound(d.teacherId, d.sessionId, p.roundId));
  handle("round:extend", host, (d, p) => live.extendRound(d.teacherId, d.sessionId, p.roundId, p.seconds));
  handle("round:end", host, (d, p) => live.endRound(d.teacherId, d.sessionId, p.roundId));
  handle("round:reveal", host, (d, p) => live.revealArguments(d.teacherId, d.sessionId, p.roundId));
  handle("settings:update", host, (d, p) => live.updateSettings(d.teacherId, d.sessionId, p));
  handle("ballot:submit", host, (d, p) => live.submitBallot(d.teacherId, d.sessionId, p.argumentId, p.scores, p.comment));
  handle("challenge:rule", host, (d, p) => live.ruleChallenge(d.teacherId, d.sessionId, p.challengeId, p.upheld, p.reason));

  handle("argument:submit", student, (d, p) => live.submitArgument(d, p.roundId, p));
  handle("crossfire:ask", student, (d, p) => live.askQuestion(d, p.roundId, p.targetSideId, p));
  handle("crossfire:answer", student, (d, p) => live.answerQuestion(d, p.questionId, p));
  handle("vote:cast", student, (d, p) => live.castVote(d, p.roundId, p.argumentId));
  handle("challenge:open", student, (d, p) => live.openChallenge(d, p.argumentId, p.cardId, p.reason));
}
