// Once the teacher ends a session it is a record: every command, the teacher's and the students',
// is answered `closed` and changes no row in any table; joining or asking to rejoin says the
// session has ended. Reading it (a snapshot, who voted what) still works.
// Runs on PGlite, and on PostgreSQL when configured.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientEvent, Payload } from "../../server/realtime/events";
import { postForm, signUpTeacher, socketsToClose, type ClientSocket } from "../support/clients";
import { ask, must, rubricScores, SIDES } from "../support/debate";
import { recordsOf, sessionWithRecords, type SessionWithRecords } from "../support/records";
import { backends, startServer, type TestServer } from "../support/server";

const ENDED = "This session has ended.";

describe.each(backends)("an ended session on %s", (backend) => {
  let server: TestServer;
  let session: SessionWithRecords;
  let before: Awaited<ReturnType<typeof recordsOf>>;
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    const teacher = await signUpTeacher(server.url, "Ms Ended");
    session = await sessionWithRecords(server, teacher.cookie, open);
    await must(session.host, "session:end", {});
    before = await recordsOf(server.database.db, session.id);
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  /** Refused `closed` (with `message`, when given), and no row of the session changed. */
  async function refused<E extends ClientEvent>(socket: ClientSocket, event: E, payload: Payload<E>, message?: string) {
    const answer = await ask(socket, event, payload);
    expect(answer, event).toMatchObject({ ok: false, error: { code: "closed", ...(message ? { message } : {}) } });
    expect(await recordsOf(server.database.db, session.id), `${event} changed rows`).toEqual(before);
  }

  it("refuses every teacher command with closed", { timeout: 60_000 }, async () => {
    const { host, crossfire, speeches, challenge, pollId, questionId, requestId, seats } = session;
    const commands: [ClientEvent, object][] = [
      ["session:end", {}],
      ["lobby:autoBalance", {}],
      ["lobby:lockSides", { locked: false }],
      ["lobby:moveParticipant", { participantId: seats.Rani.id, sideId: SIDES.cnrp }],
      ["lobby:renameParticipant", { participantId: seats.Rani.id, name: "Renamed" }],
      ["lobby:removeParticipant", { participantId: seats.Rani.id }],
      ["lobby:approveRejoin", { requestId }],
      ["lobby:refuseRejoin", { requestId }],
      ["round:start", { index: 1 }],
      ["round:skip", { index: 1 }],
      ["round:pause", { roundId: crossfire.id }],
      ["round:resume", { roundId: crossfire.id }],
      ["round:extend", { roundId: crossfire.id, seconds: 60 }],
      ["round:end", { roundId: crossfire.id }],
      ["round:reveal", { roundId: crossfire.id }],
      ["settings:update", { scoreboard: "individuals", quizSpeed: false }],
      ["ballot:submit", { argumentId: speeches.chan.id, scores: rubricScores([5, 5, 5, 5]), comment: "Late." }],
      ["challenge:rule", { challengeId: challenge.id, upheld: true, reason: "Late ruling." }],
      ["poll:start", { scenarioPollId: "motion-after" }],
      ["poll:close", { pollId }],
      ["poll:reveal", { pollId }],
      ["poll:hideEntry", { pollId, entry: "anything", hidden: true }],
      ["quiz:ask", {}],
      ["quiz:close", { questionId }],
    ];
    for (const [event, payload] of commands) await refused(host, event, payload as never, ENDED);
  });

  it("refuses every student write with closed", { timeout: 60_000 }, async () => {
    const { opening, crossfire, speeches, question, pollId, questionId, seats } = session;
    const { Rani, Chan, Ubon } = seats;
    const writes: [ClientSocket, ClientEvent, object][] = [
      [Rani.socket, "argument:submit", { roundId: crossfire.id, clientId: randomUUID(), body: "One more thing.", cardIds: [] }],
      [Chan.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "And now?", cardIds: [] }],
      [Rani.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "Still no.", cardIds: [] }],
      [Rani.socket, "vote:cast", { roundId: opening.id, argumentId: speeches.chan.id }],
      [Rani.socket, "challenge:open", { argumentId: speeches.chan.id, cardId: "rainsy-prisoners", reason: "Too late?" }],
      [Ubon.socket, "poll:vote", { pollId, choices: [2] }],
      [Rani.socket, "poll:vote", { pollId, choices: [1] }],
      [Ubon.socket, "quiz:answer", { questionId, choices: [1] }],
    ];
    for (const [socket, event, payload] of writes) await refused(socket, event, payload as never);
  });

  it("still lets the teacher and the students read it", async () => {
    const host = await must(session.host, "session:snapshot", {});
    expect(host.audience === "host" && host.session.status).toBe("ended");
    expect((await must(session.host, "poll:voters", { pollId: session.pollId })).voters).toHaveLength(2);
    expect((await must(session.seats.Chan.socket, "session:snapshot", {})).audience).toBe("participant");
    expect(await recordsOf(server.database.db, session.id)).toEqual(before);
  });

  it("refuses joining and asking to rejoin, saying the session has ended", async () => {
    const join = await postForm(`${server.url}/join`, { code: session.code, name: "Latecomer" });
    expect(join.status).toBe(200);
    expect(await join.text()).toContain(ENDED);
    await expect(server.rostrum.live.joinSession(session.code, "Latecomer")).rejects.toMatchObject({ code: "closed", message: ENDED });
    const rejoin = await postForm(`${server.url}/rejoin/${session.code}`, { name: "Rani", joinId: randomUUID() });
    expect(await rejoin.text()).toContain(ENDED);
    expect(await recordsOf(server.database.db, session.id)).toEqual(before);
  });
});
