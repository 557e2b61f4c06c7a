// A short session run over real sockets to be reviewed: four students on two sides, the motion
// polled before and after (For wins the room), an opening round with a ballot, a peer vote and an
// upheld challenge, a crossfire thread, a word cloud, a choice poll and two quiz questions (one
// half the class misses); `end` then ends it. The review page's integration and browser tests share it.
import { randomUUID } from "node:crypto";
import type { HostView } from "../../server/live/views/types";
import { connect, startSession } from "./clients";
import { must, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, snapshotOf, startRound } from "./debate";
import type { TestServer } from "./server";

/** In join order: "Student 1" … "Student 4" in an anonymous review. Two for the government, two for the opposition. */
export const REVIEW_NAMES = ["Sokunthea", "Vireakboth", "Chanmony", "Pisethra"] as const;

export const REVIEW_WORDS = {
  speech: "Patient engagement opens more doors than pressure.",
  reply: "Seventeen prisoners show why ties need conditions.",
  question: "Is sovereignty a reason to jail critics?",
  answer: "Our laws apply to everyone equally.",
  comment: "Clear, and the card is well chosen.",
  challenge: "The quote says nothing about pressure failing.",
  ruling: "The card does not support that claim.",
} as const;

export async function runReviewedSession(server: TestServer, cookie: string, open: typeof connect = connect) {
  const session = await startSession(server.url, cookie, "conditioned-engagement", 30, [
    { index: SCENARIO_ROUNDS.opening, seconds: 600 },
    { index: SCENARIO_ROUNDS.crossfire, seconds: 240 },
  ]);
  const host = await open(server.url, { role: "host", sessionId: session.id }, cookie);
  const [ana, ben, chea, dara] = REVIEW_NAMES;
  const seats = await seatStudents(server, host, session.code, { [SIDES.rgc]: [ana, ben], [SIDES.cnrp]: [chea, dara] }, open);
  const [s1, s2, s3, s4] = REVIEW_NAMES.map((n) => seats[n]);
  const votes = async (pollId: string, choices: (readonly [typeof s1, number])[]) => {
    for (const [seat, choice] of choices) await must(seat.socket, "poll:vote", { pollId, choices: [choice] });
    await must(host, "poll:close", { pollId });
  };

  // The motion before: for, against, undecided, against.
  const before = await must(host, "poll:start", { scenarioPollId: "motion-before" });
  await votes(before.pollId, [[s1, 0], [s2, 1], [s3, 2], [s4, 1]]);

  // Opening: two speeches citing cards, a ballot with a comment, a peer vote, an upheld challenge.
  const opening = await startRound(host, 0);
  const speech = await must(s1.socket, "argument:submit", { roundId: opening.id, clientId: randomUUID(), body: REVIEW_WORDS.speech, cardIds: ["vannarith-gradual"] });
  await must(s3.socket, "argument:submit", { roundId: opening.id, clientId: randomUUID(), body: REVIEW_WORDS.reply, cardIds: ["rainsy-prisoners"] });
  await must(host, "round:end", { roundId: opening.id });
  await must(host, "ballot:submit", { argumentId: speech.id, scores: rubricScores([4, 4, 4, 4]), comment: REVIEW_WORDS.comment });
  await must(host, "round:reveal", { roundId: opening.id });
  await must(s3.socket, "vote:cast", { roundId: opening.id, argumentId: speech.id });
  const challenge = await must(s4.socket, "challenge:open", { argumentId: speech.id, cardId: "vannarith-gradual", reason: REVIEW_WORDS.challenge });
  await must(host, "challenge:rule", { challengeId: challenge.id, upheld: true, reason: REVIEW_WORDS.ruling });

  // Crossfire: a question to the government, answered.
  const crossfire = await startRound(host, 1);
  const question = await must(s3.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: REVIEW_WORDS.question, cardIds: [] });
  await must(s2.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: REVIEW_WORDS.answer, cardIds: [] });
  await must(host, "round:end", { roundId: crossfire.id });

  // Quick polls: a word cloud and a choice.
  const words = await must(host, "poll:start", { custom: { kind: "text", prompt: "One word for the debate?", options: [] } });
  for (const [seat, text] of [[s1, "heated"], [s2, "heated"], [s3, "fair"]] as const) await must(seat.socket, "poll:vote", { pollId: words.pollId, text });
  await must(host, "poll:close", { pollId: words.pollId });
  const approach = await must(host, "poll:start", { scenarioPollId: "best-approach" });
  await votes(approach.pollId, [[s1, 1], [s2, 2], [s3, 0], [s4, 4]]);

  // The quiz: one misses why Rainsy was abroad; then half the class misses where the summit was.
  for (const [itemId, answers] of [
    ["rainsy-abroad", [[s1, 0], [s2, 0], [s3, 0], [s4, 3]]],
    ["summit-place", [[s1, 0], [s2, 1], [s3, 1], [s4, 0]]],
  ] as const) {
    const { questionId } = await must(host, "quiz:ask", { itemId });
    for (const [seat, choice] of answers) await must(seat.socket, "quiz:answer", { questionId, choices: [choice] });
    await must(host, "quiz:close", { questionId });
  }

  // The motion after, revealed: three for, one against. For wins the room.
  const after = await must(host, "poll:start", { scenarioPollId: "motion-after" });
  await votes(after.pollId, [[s1, 0], [s2, 0], [s3, 0], [s4, 1]]);
  await must(host, "poll:reveal", { pollId: after.pollId });
  const plan = (await snapshotOf<HostView>(host)).debate.plan;
  return { session, plan, host, seats: [s1, s2, s3, s4], end: () => must(host, "session:end", {}) };
}
