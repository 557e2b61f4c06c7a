// Defects found in review of the live debate engine, each over real sockets:
// - a client id already used for one write must not make another write return (and broadcast) it;
// - removing a student refreshes the scoreboard the class sees;
// - a deadline timer that fires before the stored deadline still closes the round at it;
// - a student moved to another side cannot edit their old side's speech with the new side's cards;
// - a settings change naming no setting is invalid, not an internal error.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debateArguments, rounds } from "../../db/schema";
import type { ArgumentView, RoundView } from "../../server/live/views/types";
import { signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { ask, must, received, SCENARIO_ROUNDS, seatStudents, SIDES, startRound, type Seat } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("debate engine review on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();
  let session: { id: string; code: string };
  let host: ClientSocket;
  let projector: ClientSocket;
  let s: Record<string, Seat>;
  let opening: RoundView;
  let speechId: string;
  const speechClientId = randomUUID();

  beforeAll(async () => {
    server = await startServer(backend);
    const teacher = await signUpTeacher(server.url, "Ms Review");
    session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [
      { index: SCENARIO_ROUNDS.opening, seconds: 600 },
      { index: SCENARIO_ROUNDS.rebuttal, seconds: 600 },
      { index: SCENARIO_ROUNDS.crossfire, seconds: 600 },
    ]);
    host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    projector = await open(server.url, { role: "projector", sessionId: session.id }, teacher.cookie);
    s = await seatStudents(server, host, session.code, { [SIDES.rgc]: ["Rani"], [SIDES.cnrp]: ["Chan"], [SIDES.us]: ["Ubon"] }, open);
    opening = await startRound(host, 0);
    speechId = (await must(s.Rani.socket, "argument:submit", { roundId: opening.id, clientId: speechClientId, body: "Secret opening.", cardIds: [] })).id;
    await must(host, "round:end", { roundId: opening.id });
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("refuses a speech whose client id was already used in another round, instead of failing inside", async () => {
    const rebuttal = await startRound(host, 1);
    const answer = await ask(s.Rani.socket, "argument:submit", { roundId: rebuttal.id, clientId: speechClientId, body: "Rebuttal.", cardIds: [] });
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid" } });
    // A fresh id works.
    await must(s.Rani.socket, "argument:submit", { roundId: rebuttal.id, clientId: randomUUID(), body: "Rebuttal.", cardIds: [] });
    await must(host, "round:end", { roundId: rebuttal.id });
  });

  it("never answers or broadcasts an unrevealed speech for a crossfire question reusing its client id", async () => {
    const crossfire = await startRound(host, 2);
    const seenByOthers: ArgumentView[] = [];
    for (const socket of [s.Chan.socket, s.Ubon.socket, projector]) socket.on("argument:changed", (a) => seenByOthers.push(a));
    const answer = await ask(s.Rani.socket, "crossfire:ask", { roundId: crossfire.id, clientId: speechClientId, targetSideId: SIDES.cnrp, body: "Why?", cardIds: [] });
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid" } });
    // A real question still goes to everyone, so the listeners above are known to work.
    const question = await must(s.Rani.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.cnrp, body: "Why?", cardIds: [] });
    await expect.poll(() => seenByOthers.filter((a) => a.id === question.id).length).toBe(3);
    expect(seenByOthers.filter((a) => a.id === speechId)).toEqual([]);
    await must(host, "round:end", { roundId: crossfire.id });
  });

  it("keeps a moved student's speech with the side it was written for, and its cards that side's", async () => {
    const teacher = await signUpTeacher(server.url, "Mr Moves");
    const moved = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 600 }]);
    const theHost = await open(server.url, { role: "host", sessionId: moved.id }, teacher.cookie);
    const seats = await seatStudents(server, theHost, moved.code, { [SIDES.rgc]: ["Rith", "Rasy"], [SIDES.cnrp]: ["Chea"] }, open);
    const round = await startRound(theHost, 0);
    const speech = await must(seats.Rith.socket, "argument:submit", { roundId: round.id, clientId: randomUUID(), body: "For the government.", cardIds: ["vannarith-gradual"] });
    expect(speech.sideId).toBe(SIDES.rgc);
    await must(theHost, "lobby:moveParticipant", { participantId: seats.Rith.id, sideId: SIDES.cnrp });
    const toOldSide = received(seats.Rasy.socket, "argument:changed");
    // Now on the opposition, Rith edits the government's speech citing an opposition card.
    const edit = await ask(seats.Rith.socket, "argument:submit", { roundId: round.id, clientId: randomUUID(), body: "Now for the opposition.", cardIds: ["rainsy-prisoners"] });
    expect(edit).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const rows = await server.database.db.select().from(debateArguments).where(eq(debateArguments.id, speech.id));
    expect(rows.map((r) => ({ sideId: r.sideId, body: r.body, cardIds: r.cardIds }))).toEqual([{ sideId: SIDES.rgc, body: "For the government.", cardIds: ["vannarith-gradual"] }]);
    // The government's side never received the opposition's card.
    await new Promise((r) => setTimeout(r, 300));
    expect(toOldSide.flatMap((a) => a.cards.map((c) => c.id))).not.toContain("rainsy-prisoners");
  });

  it("closes a round at its deadline even when the timer fires before it", { timeout: 40_000 }, async () => {
    const teacher = await signUpTeacher(server.url, "Ms Early");
    const early = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 10 }]);
    const theHost = await open(server.url, { role: "host", sessionId: early.id }, teacher.cookie);
    const round = await startRound(theHost, 0);
    // Node may run a timer a little before Date.now() reaches its deadline; moving the stored
    // deadline 2 s on (without re-arming) makes the armed timer that early, deterministically.
    await server.database.db.update(rounds).set({ endsAt: new Date(round.endsAt! + 2000) }).where(eq(rounds.id, round.id));
    await new Promise((r) => setTimeout(r, round.endsAt! + 2000 - Date.now() + 2000));
    const [row] = await server.database.db.select().from(rounds).where(eq(rounds.id, round.id));
    expect(row.status).toBe("closed");
  });

  it("refuses a settings change that names no setting as invalid, not as a server error", async () => {
    expect(await ask(host, "settings:update", {})).toMatchObject({ ok: false, error: { code: "invalid" } });
  });

  it("sends the class a scoreboard without a student the teacher removed", async () => {
    await must(host, "settings:update", { scoreboard: "individuals" });
    const scores = received(s.Chan.socket, "scores:changed");
    await expect.poll(() => scores.at(-1)?.scoreboard?.individuals?.map((p) => p.id)).toContain(s.Ubon.id);
    await must(host, "lobby:removeParticipant", { participantId: s.Ubon.id });
    await expect.poll(() => scores.at(-1)?.scoreboard?.individuals?.map((p) => p.id), { timeout: 3000 }).not.toContain(s.Ubon.id);
  });
});
