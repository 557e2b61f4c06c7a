// Every debate rule over real sockets: who may run rounds, score and rule; when and what a
// student may submit, vote for and challenge; walls between sessions; malformed payloads. Each
// refusal is checked by its code AND by every debate row of the session being unchanged.
// Runs on PGlite, and on PostgreSQL when configured.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { ArgumentView, ChallengeView, RoundView } from "../../server/live/views/types";
import type { ClientEvent, Payload } from "../../server/realtime/events";
import { refusal, signUpTeacher, socketsToClose, startSession, type ClientSocket } from "../support/clients";
import { ask, debateRows, must, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, speak, startRound, type Seat } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const bundled = parse(await readFile(new URL("../../content/scenarios/conditioned-engagement.yaml", import.meta.url), "utf8"));
const missing = "00000000-0000-4000-8000-000000000000";
const LATE = "This round has closed: your argument was not changed.";

describe.each(backends)("debate rules on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  let other: { cookie: string };
  const { open, closeAll } = socketsToClose();
  let session: { id: string; code: string };
  let theirs: { id: string; code: string };
  let host: ClientSocket;
  let theirHost: ClientSocket;
  let s: Record<string, Seat>;
  let tola: Seat;
  let round1: RoundView;
  let theirRound: RoundView;
  let aR: ArgumentView;
  let aC: ArgumentView;
  let aU: ArgumentView;
  let openChallenge: ChallengeView;

  /** Refused with `code` (or one of several), and no debate row of either session changed. */
  async function refused<E extends ClientEvent>(socket: ClientSocket, event: E, payload: Payload<E>, code: string, message?: string) {
    const before = [await debateRows(server.database.db, session.id), await debateRows(server.database.db, theirs.id)];
    const answer = await ask(socket, event, payload);
    expect(answer, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } });
    expect([await debateRows(server.database.db, session.id), await debateRows(server.database.db, theirs.id)], `${event} changed rows`).toEqual(before);
  }

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Rules");
    other = await signUpTeacher(server.url, "Mr Elsewhere");
    session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [
      { index: SCENARIO_ROUNDS.opening, seconds: 600 },
      { index: SCENARIO_ROUNDS.crossfire, seconds: 600 },
    ]);
    host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    s = await seatStudents(server, host, session.code, { [SIDES.rgc]: ["Rani", "Rasy"], [SIDES.cnrp]: ["Chan"], [SIDES.us]: ["Ubon"], [SIDES.commentators]: ["Gita"] }, open);
    round1 = await startRound(host, 0);
    aR = await must(s.Rani.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Patience works.", cardIds: ["vannarith-gradual"] });
    aC = await must(s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Prisoners matter.", cardIds: ["rainsy-prisoners"] });
    aU = await must(s.Ubon.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Talk to everyone.", cardIds: ["kerry-critical"] });
    // Arguments are visible to other sides once revealed, even while the round is open.
    await must(host, "round:reveal", { roundId: round1.id });
    openChallenge = await must(s.Ubon.socket, "challenge:open", { argumentId: aC.id, cardId: "rainsy-prisoners", reason: "Wrong number." });

    theirs = await startSession(server.url, other.cookie, "conditioned-engagement", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 600 }]);
    theirHost = await open(server.url, { role: "host", sessionId: theirs.id }, other.cookie);
    ({ Tola: tola } = await seatStudents(server, theirHost, theirs.code, { [SIDES.rgc]: ["Tola"] }, open));
    theirRound = await startRound(theirHost, 0);
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("lets no student run rounds, change settings, score, rule or end the session", async () => {
    const commands: [ClientEvent, object][] = [
      ["round:start", { index: 1 }],
      ["round:skip", { index: 1 }],
      ["round:pause", { roundId: round1.id }],
      ["round:resume", { roundId: round1.id }],
      ["round:extend", { roundId: round1.id, seconds: 60 }],
      ["round:end", { roundId: round1.id }],
      ["round:reveal", { roundId: round1.id }],
      ["settings:update", { scoreboard: "individuals" }],
      ["ballot:submit", { argumentId: aC.id, scores: rubricScores([5, 5, 5, 5]), comment: "" }],
      ["challenge:rule", { challengeId: openChallenge.id, upheld: true, reason: "Mine now." }],
      ["session:end", {}],
    ];
    for (const [event, payload] of commands) await refused(s.Chan.socket, event, payload as never, "forbidden");
  });

  it("refuses a citation of another side's card, and a submission to another session's round", async () => {
    // vannarith-gradual is the government's card only.
    await refused(s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Edited with a stolen card.", cardIds: ["vannarith-gradual"] }, "invalid");
    await refused(s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Edited.", cardIds: ["no-such-card"] }, "invalid");
    for (const [seat, roundId] of [
      [s.Chan, theirRound.id],
      [tola, round1.id],
    ] as const) {
      const answer = await ask(seat.socket, "argument:submit", { roundId, clientId: randomUUID(), body: "Across sessions.", cardIds: [] });
      expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(not_found|forbidden)$/) } });
    }
    await refused(s.Chan.socket, "argument:submit", { roundId: missing, clientId: randomUUID(), body: "Nowhere.", cardIds: [] }, "not_found");
  });

  it("refuses votes while the round is open, and challenges of one's own side, of an uncited card, or a second open one", async () => {
    await refused(s.Gita.socket, "vote:cast", { roundId: round1.id, argumentId: aC.id }, "closed");
    await refused(s.Rasy.socket, "challenge:open", { argumentId: aR.id, cardId: "vannarith-gradual", reason: "My own side." }, "forbidden");
    await refused(s.Gita.socket, "challenge:open", { argumentId: aR.id, cardId: "garment-growth", reason: "Not cited at all." }, "invalid");
    await refused(s.Ubon.socket, "challenge:open", { argumentId: aR.id, cardId: "vannarith-gradual", reason: "Another one." }, "closed");
    await refused(tola.socket, "challenge:open", { argumentId: aR.id, cardId: "vannarith-gradual", reason: "From elsewhere." }, "not_found");
  });

  it("keeps a teacher of another session out: refused at the handshake, and not_found for this session's ids", async () => {
    expect(await refusal(server.url, { role: "host", sessionId: session.id }, other.cookie)).toMatchObject({ code: expect.stringMatching(/^(not_found|forbidden)$/) });
    expect(await refusal(server.url, { role: "projector", sessionId: session.id }, other.cookie)).toMatchObject({ code: expect.stringMatching(/^(not_found|forbidden)$/) });
    for (const [event, payload] of [
      ["round:pause", { roundId: round1.id }],
      ["round:extend", { roundId: round1.id, seconds: 30 }],
      ["round:end", { roundId: round1.id }],
      ["round:reveal", { roundId: round1.id }],
      ["ballot:submit", { argumentId: aC.id, scores: rubricScores([1, 1, 1, 1]), comment: "" }],
      ["challenge:rule", { challengeId: openChallenge.id, upheld: false, reason: "Not mine to rule." }],
    ] as [ClientEvent, object][])
      await refused(theirHost, event, payload as never, "not_found");
  });

  it("answers malformed payloads with invalid and changes nothing", async () => {
    const cases: [ClientSocket, ClientEvent, unknown][] = [
      [host, "round:start", { index: -1 }],
      [host, "round:start", { index: "1" }],
      [host, "round:extend", { roundId: round1.id, seconds: 45 }],
      [host, "round:pause", { roundId: "round-1" }],
      [host, "settings:update", { scoreboard: "everyone" }],
      [host, "settings:update", { argumentsLive: true, extra: 1 }],
      [host, "ballot:submit", { argumentId: aC.id, scores: rubricScores([6, 5, 5, 5]) }],
      [host, "ballot:submit", { argumentId: aC.id, scores: { argument: 5, evidence: 5, rebuttal: 5 } }],
      [host, "ballot:submit", { argumentId: aC.id, scores: { ...rubricScores([5, 5, 5, 5]), charisma: 5 } }],
      [host, "ballot:submit", { argumentId: aC.id, scores: rubricScores([5, 5, 5, 5]), comment: "x".repeat(1001) }],
      [host, "challenge:rule", { challengeId: openChallenge.id, upheld: true }],
      [host, "challenge:rule", { challengeId: openChallenge.id, upheld: "yes", reason: "Because." }],
      [s.Chan.socket, "argument:submit", { roundId: round1.id, body: "No client id.", cardIds: [] }],
      [s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "   ", cardIds: [] }],
      [s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "x".repeat(1001), cardIds: [] }],
      [s.Chan.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Too many cards.", cardIds: ["a", "b", "c", "d", "e", "f"] }],
      [s.Chan.socket, "argument:submit", "just a string"],
      [s.Chan.socket, "vote:cast", { roundId: round1.id }],
      [s.Gita.socket, "challenge:open", { argumentId: aC.id, cardId: "rainsy-prisoners", reason: "y".repeat(301) }],
      [s.Gita.socket, "crossfire:ask", { roundId: round1.id, clientId: randomUUID(), body: "No target." }],
    ];
    for (const [socket, event, payload] of cases) await refused(socket, event, payload as never, "invalid");
  });

  it("refuses an argument in a closed round with `closed`, keeping the old text, then votes by the rules", async () => {
    await must(host, "round:end", { roundId: round1.id });
    await refused(s.Rani.socket, "argument:submit", { roundId: round1.id, clientId: randomUUID(), body: "Too late.", cardIds: [] }, "closed", LATE);
    expect((await debateRows(server.database.db, session.id)).arguments.find((a) => a.id === aR.id)).toMatchObject({ body: "Patience works.", revision: 1 });

    await refused(s.Rasy.socket, "vote:cast", { roundId: round1.id, argumentId: aR.id }, "forbidden");
    await must(s.Gita.socket, "vote:cast", { roundId: round1.id, argumentId: aC.id });
    await refused(s.Gita.socket, "vote:cast", { roundId: round1.id, argumentId: aU.id }, "closed", "You already voted in this round.");
    await refused(s.Gita.socket, "vote:cast", { roundId: round1.id, argumentId: aC.id }, "closed", "You already voted in this round.");
    // Round commands on a closed round.
    await refused(host, "round:pause", { roundId: round1.id }, "closed");
    await refused(host, "round:extend", { roundId: round1.id, seconds: 30 }, "closed");
    await refused(host, "round:start", { index: 0 }, "closed");
  });

  it("keeps crossfire to the sides on the floor, questions to another side on the floor, and answers to the side asked", async () => {
    const crossfire = await startRound(host, 1);
    // The first round again: it has run, and another round is running.
    await refused(host, "round:start", { index: 0 }, "closed");
    await refused(s.Ubon.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "Off the floor?", cardIds: [] }, "forbidden");
    await refused(s.Rani.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "To ourselves?", cardIds: [] }, "invalid");
    await refused(s.Rani.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.us, body: "To the US?", cardIds: [] }, "invalid");
    await refused(s.Rani.socket, "argument:submit", { roundId: crossfire.id, clientId: randomUUID(), body: "A speech in crossfire.", cardIds: [] }, "invalid");
    const question = await must(s.Chan.socket, "crossfire:ask", { roundId: crossfire.id, clientId: randomUUID(), targetSideId: SIDES.rgc, body: "Why jail them?", cardIds: [] });
    await refused(s.Chan.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "Answering myself.", cardIds: [] }, "forbidden");
    await refused(s.Ubon.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "Not asked.", cardIds: [] }, "forbidden");
    await refused(s.Rani.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "With their card.", cardIds: ["rainsy-prisoners"] }, "invalid");
    await must(host, "round:end", { roundId: crossfire.id });
    await refused(s.Rani.socket, "crossfire:answer", { questionId: question.id, clientId: randomUUID(), body: "Too late.", cardIds: [] }, "closed");
  });

  it("refuses a speech from a side that is not on the floor of a speaking round", async () => {
    // A copy of the scenario whose opening round gives the floor to two sides only.
    const twoSides = structuredClone(bundled);
    twoSides.id = "two-side-opening";
    twoSides.title = "Two-side opening";
    twoSides.rounds[SCENARIO_ROUNDS.opening].sides = [SIDES.rgc, SIDES.cnrp];
    const form = new FormData();
    form.append("file", new Blob([stringify(twoSides)]), "two.yaml");
    const imported = await fetch(`${server.url}/teacher/import`, { method: "POST", body: form, redirect: "manual", headers: { cookie: teacher.cookie } });
    expect(imported.status).toBe(302);
    const narrow = await startSession(server.url, teacher.cookie, "two-side-opening", 60, [{ index: SCENARIO_ROUNDS.opening, seconds: 600 }]);
    const narrowHost = await open(server.url, { role: "host", sessionId: narrow.id }, teacher.cookie);
    const seats = await seatStudents(server, narrowHost, narrow.code, { [SIDES.rgc]: ["Ry"], [SIDES.us]: ["Usa"] }, open);
    const round = await startRound(narrowHost, 0);
    const before = await debateRows(server.database.db, narrow.id);
    expect(await speak(seats.Usa, round.id, "May I speak?", [])).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await debateRows(server.database.db, narrow.id)).toEqual(before);
    expect(await speak(seats.Ry, round.id, "I may.", [])).toMatchObject({ ok: true });
  });
});
