// A small class whose session has something to review: four students joined through the join
// form (so each holds the seat cookie a phone gets), one speech each, scored by the teacher with a
// comment each, a peer vote each way, an upheld challenge, a closed quiz question (one right, one
// wrong, one unanswered), and the fourth student removed. Their words are unique markers, so a
// page that shows one student's record can be searched for every other's.
import { randomUUID } from "node:crypto";
import type { ParticipantView } from "../../server/live/views/types";
import { cookiesOf, nextEvent, postForm, signUpTeacher, startSession, type ClientSocket, type connect } from "./clients";
import { must, rubricScores, SCENARIO_ROUNDS, SIDES, snapshotOf, startRound } from "./debate";
import type { TestServer } from "./server";

export type CookieStudent = { id: string; name: string; cookie: string; socket: ClientSocket };

export const SAID = {
  Ranya: { side: SIDES.rgc, speech: "RANYA-SPEECH gradual change works", comment: "RANYA-COMMENT strong reasoning, weaker delivery" },
  Chanthy: {
    side: SIDES.cnrp,
    speech: "CHANTHY-SPEECH prisoners need conditions",
    comment: "CHANTHY-COMMENT cite the article more closely",
    reason: "CHANTHY-REASON the quote is about peace, not pressure",
  },
  Ubonrat: { side: SIDES.us, speech: "UBONRAT-SPEECH engagement in the room", comment: "UBONRAT-COMMENT excellent throughout" },
  Daravy: { side: SIDES.commentators, speech: "DARAVY-SPEECH guarantees first", comment: "DARAVY-COMMENT good start" },
} as const;
export type Name = keyof typeof SAID;
export const RULING = "RULING the card does not support that claim";

/** Ranya's ballot: 100·(3·4 + 3·3 + 2·5 + 2·2)/50 = 70 points. */
export const RANYA_SCORES = [4, 3, 5, 2] as const;

export async function scoredClass(server: TestServer, open: typeof connect) {
  const teacher = await signUpTeacher(server.url, "Ms Marker");
  const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 600 }]);
  const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
  const s = {} as Record<Name, CookieStudent>;
  for (const name of Object.keys(SAID) as Name[]) {
    const res = await postForm(`${server.url}/join`, { code: session.code, name });
    if (res.status !== 302) throw new Error(`join failed: ${res.status}`);
    const cookie = cookiesOf(res);
    const socket = await open(server.url, { role: "participant", sessionId: session.id }, cookie);
    const { me } = await snapshotOf<ParticipantView>(socket);
    await must(host, "lobby:moveParticipant", { participantId: me.id, sideId: SAID[name].side });
    s[name] = { id: me.id, name, cookie, socket };
  }
  await must(host, "lobby:lockSides", { locked: true });

  const round = await startRound(host, 0);
  const say = (name: Name, cardIds: string[] = []) => must(s[name].socket, "argument:submit", { roundId: round.id, clientId: randomUUID(), body: SAID[name].speech, cardIds });
  const ranya = await say("Ranya", ["vannarith-gradual"]);
  const chanthy = await say("Chanthy", ["rainsy-prisoners"]);
  const ubonrat = await say("Ubonrat");
  const daravy = await say("Daravy");
  await must(host, "round:end", { roundId: round.id });
  await must(host, "ballot:submit", { argumentId: ranya.id, scores: rubricScores([...RANYA_SCORES]), comment: SAID.Ranya.comment });
  await must(host, "ballot:submit", { argumentId: chanthy.id, scores: rubricScores([2, 2, 2, 2]), comment: SAID.Chanthy.comment });
  await must(host, "ballot:submit", { argumentId: ubonrat.id, scores: rubricScores([5, 5, 5, 5]), comment: SAID.Ubonrat.comment });
  await must(host, "ballot:submit", { argumentId: daravy.id, scores: rubricScores([3, 3, 3, 3]), comment: SAID.Daravy.comment });
  await must(host, "round:reveal", { roundId: round.id });
  await must(s.Chanthy.socket, "vote:cast", { roundId: round.id, argumentId: ranya.id });
  await must(s.Ubonrat.socket, "vote:cast", { roundId: round.id, argumentId: chanthy.id });
  const challenge = await must(s.Chanthy.socket, "challenge:open", { argumentId: ranya.id, cardId: "vannarith-gradual", reason: SAID.Chanthy.reason });
  await must(host, "challenge:rule", { challengeId: challenge.id, upheld: true, reason: RULING });

  // One question: Ranya right, Chanthy wrong, Ubonrat silent.
  const asked = nextEvent(host, "quiz:changed", (c) => c.quiz.question?.status === "open");
  const { questionId } = await must(host, "quiz:ask", { itemId: "rainsy-abroad" });
  const right = ((await asked).quiz.question!.key!.correct as { choices: number[] }).choices[0];
  await must(s.Ranya.socket, "quiz:answer", { questionId, choices: [right] });
  await must(s.Chanthy.socket, "quiz:answer", { questionId, choices: [(right + 1) % 4] });
  await must(host, "quiz:close", { questionId });

  await must(host, "lobby:removeParticipant", { participantId: s.Daravy.id });
  return { teacher, session, host, students: s };
}
