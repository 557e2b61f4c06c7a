// Polls and the quiz: the teacher opens, closes and reveals; students vote and answer on the
// hot path (their acknowledgement comes after their batch commits).
import type { Live } from "../live";
import type { Handle } from "./handlers";

const host = ["host"] as const;
const student = ["participant"] as const;

export function registerQuizHandlers(handle: Handle, live: Live) {
  handle("poll:start", host, (d, p) => live.startPoll(d.teacherId, d.sessionId, p));
  handle("poll:close", host, (d, p) => live.closePoll(d.teacherId, d.sessionId, p.pollId));
  handle("poll:reveal", host, (d, p) => live.revealPoll(d.teacherId, d.sessionId, p.pollId));
  handle("poll:hideEntry", host, (d, p) => live.hideEntry(d.teacherId, d.sessionId, p.pollId, p.entry, p.hidden));
  handle("poll:voters", host, (d, p) => live.pollVoters(d.teacherId, d.sessionId, p.pollId));
  handle("quiz:ask", host, (d, p) => live.askQuizQuestion(d.teacherId, d.sessionId, p));
  handle("quiz:close", host, (d, p) => live.endQuizQuestion(d.teacherId, d.sessionId, p.questionId));

  handle("poll:vote", student, (d, p) => live.castPollVote(d, p));
  handle("quiz:answer", student, (d, p) =>
    live.submitQuizAnswer(d, p.questionId, p.choices !== undefined ? { choices: p.choices } : { number: p.number! }),
  );
}
