// A whole debate over real sockets: three rounds (opening, rebuttal, crossfire) with four sides,
// arguments citing cards, an edit, a crossfire thread, ballots (one replaced), reveals, peer
// votes and two ruled challenges, ending in standings computed by hand below. Also what each
// audience is sent live. Runs on PGlite, and on PostgreSQL when configured.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Standing } from "../../server/live/scoring/debate";
import type { HostView, ParticipantView, ProjectorView } from "../../server/live/views/types";
import { nextEvent, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, received, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, snapshotOf, speak, startRound } from "../support/debate";
import { backends, startServer, type TestServer } from "../support/server";

const ok = async <T,>(answer: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>) => {
  const result = await answer;
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result.data;
};
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe.each(backends)("a whole debate on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url, "Ms Sreymom");
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("runs three rounds to exactly the standings worked out by hand, and each audience sees only what it may", { timeout: 180_000 }, async () => {
    const session = await startSession(server.url, teacher.cookie, "conditioned-engagement", 60, [
      { index: SCENARIO_ROUNDS.opening, seconds: 600 },
      { index: SCENARIO_ROUNDS.rebuttal, seconds: 480 },
      { index: SCENARIO_ROUNDS.crossfire, seconds: 240 },
    ]);
    const host = await open(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const projector = await open(server.url, { role: "projector", sessionId: session.id }, teacher.cookie);
    const seats = await seatStudents(
      server,
      host,
      session.code,
      { [SIDES.rgc]: ["Rotha", "Rithy"], [SIDES.cnrp]: ["Chenda", "Chanthou"], [SIDES.us]: ["Udom", "Uy"], [SIDES.commentators]: ["Ganna", "Gech"] },
      open,
    );
    const { Rotha: r1, Rithy: r2, Chenda: c1, Chanthou: c2, Udom: u1, Uy: u2, Ganna: g1, Gech: g2 } = seats;

    const first = await snapshotOf<HostView>(host);
    expect(first.debate.plan.map((p) => [p.index, p.kind, p.seconds, p.status, p.roundId])).toEqual([
      [0, "opening", 600, "upcoming", null],
      [1, "rebuttal", 480, "upcoming", null],
      [2, "crossfire", 240, "upcoming", null],
    ]);
    expect(first.debate.round).toBeNull();
    const sideName = Object.fromEntries(first.scenario.sides.map((s) => [s.id, s.name]));

    // What a student of the opposition and the other audiences are sent from here on.
    const c2Rounds = received(c2.socket, "round:changed");
    const c2Arguments = received(c2.socket, "argument:changed");
    const r2Arguments = received(r2.socket, "argument:changed");
    const u1Arguments = received(u1.socket, "argument:changed");
    const hostBallots = received(host, "ballot:changed");

    // ---- Round 1: opening statements, every side on the floor.
    const round1 = await startRound(host, 0);
    expect(round1).toMatchObject({ kind: "opening", status: "open", revealed: false, sides: Object.values(SIDES) });
    await expect.poll(() => c2Rounds.at(-1)?.round?.id).toBe(round1.id);
    const started = c2Rounds.at(-1)!;
    expect(started.round).toMatchObject({ status: "open", endsAt: round1.endsAt });
    expect(started.round!.endsAt! - started.serverTime).toBeGreaterThan(597_000);
    expect(started.round!.endsAt! - started.serverTime).toBeLessThanOrEqual(600_000);
    expect(started.plan.map((p) => p.status)).toEqual(["open", "upcoming", "upcoming"]);

    const draft = await ok(speak(r1, round1.id, "Gradual change works better than pressure.", ["vannarith-gradual"]));
    expect(draft).toMatchObject({ kind: "argument", author: "Rotha", sideId: SIDES.rgc, revision: 1, cards: [{ id: "vannarith-gradual" }] });
    expect(draft.cards[0].source.title).toEqual(expect.any(String));
    const aR1 = await ok(speak(r1, round1.id, "Gradual change, backed by garment growth, works better than pressure.", ["vannarith-gradual", "garment-growth"]));
    expect(aR1).toMatchObject({ id: draft.id, revision: 2, body: "Gradual change, backed by garment growth, works better than pressure." });
    expect(aR1.cards.map((c) => c.id)).toEqual(["vannarith-gradual", "garment-growth"]);
    const aC1 = await ok(speak(c1, round1.id, "Seventeen prisoners show why ties must carry conditions.", ["rainsy-prisoners"]));
    const aU1 = await ok(speak(u1, round1.id, "Engagement lets us be critical in the room.", ["kerry-critical"]));
    const aG1 = await ok(speak(g1, round1.id, "Guarantees for rights defenders must come first.", ["kt-human-rights-steps"]));

    // The author's own side reads the speech live, edit included; another side does not.
    await expect.poll(() => r2Arguments.find((a) => a.id === aR1.id && a.revision === 2)?.body).toBe(aR1.body);
    const c2Before = await snapshotOf<ParticipantView>(c2.socket);
    expect(ids(c2Before.debate.arguments)).toEqual([aC1.id]);
    expect(c2Arguments.map((a) => a.id)).toEqual([aC1.id]);
    expect(JSON.stringify(c2Before)).not.toContain("garment growth");
    expect((await snapshotOf<ProjectorView>(projector)).debate.arguments).toEqual([]);
    const hostRound1 = await snapshotOf<HostView>(host);
    expect(ids(hostRound1.debate.arguments)).toEqual(ids([aR1, aC1, aU1, aG1]));
    expect(hostRound1.debate.arguments.find((a) => a.id === aR1.id)).toMatchObject({ revision: 2, body: aR1.body });

    await must(host, "round:end", { roundId: round1.id });
    await expect.poll(() => c2Rounds.at(-1)?.round?.status).toBe("closed");
    expect(c2Rounds.at(-1)!.plan.map((p) => p.status)).toEqual(["closed", "upcoming", "upcoming"]);

    // Ballots: 4,4,4,4 is 80; rescored 5,5,4,3 it is round(100·(15+15+8+6)/50) = 88 and replaces the first.
    expect(await must(host, "ballot:submit", { argumentId: aR1.id, scores: rubricScores([4, 4, 4, 4]), comment: "Clear." })).toEqual({
      argumentId: aR1.id,
      scores: rubricScores([4, 4, 4, 4]),
      comment: "Clear.",
      points: 80,
    });
    expect(await must(host, "ballot:submit", { argumentId: aR1.id, scores: rubricScores([5, 5, 4, 3]), comment: "Stronger on reflection." })).toMatchObject({ points: 88 });
    expect((await must(host, "ballot:submit", { argumentId: aC1.id, scores: rubricScores([3, 3, 3, 3]) })).points).toBe(60);
    expect((await must(host, "ballot:submit", { argumentId: aU1.id, scores: rubricScores([5, 4, 3, 2]) })).points).toBe(74);
    expect((await must(host, "ballot:submit", { argumentId: aG1.id, scores: rubricScores([5, 5, 5, 5]) })).points).toBe(100);
    await expect.poll(() => hostBallots.filter((b) => b.argumentId === aR1.id).map((b) => b.points)).toEqual([80, 88]);

    // Revealed: the opposition student is sent every speech of the round, the edit as it stands.
    const revealed = nextEvent(c2.socket, "arguments:revealed", (r) => r.roundId === round1.id);
    await must(host, "round:reveal", { roundId: round1.id });
    const reveal = await revealed;
    expect(ids(reveal.arguments)).toEqual(ids([aR1, aC1, aU1, aG1]));
    expect(reveal.arguments.find((a) => a.id === aR1.id)).toMatchObject({ revision: 2, body: aR1.body });
    expect(ids((await snapshotOf<ParticipantView>(c2.socket)).debate.arguments)).toEqual(ids([aR1, aC1, aU1, aG1]));
    expect(ids((await snapshotOf<ProjectorView>(projector)).debate.arguments)).toEqual(ids([aR1, aC1, aU1, aG1]));

    // Peer votes: Rotha's speech gets two, Chenda's and Ganna's one each.
    await must(c2.socket, "vote:cast", { roundId: round1.id, argumentId: aR1.id });
    await must(u2.socket, "vote:cast", { roundId: round1.id, argumentId: aR1.id });
    await must(g2.socket, "vote:cast", { roundId: round1.id, argumentId: aC1.id });
    await must(r2.socket, "vote:cast", { roundId: round1.id, argumentId: aG1.id });

    // Challenges: one upheld (Rotha −30, Chanthou +15), one rejected (Uy −5).
    const upheld = await must(c2.socket, "challenge:open", { argumentId: aR1.id, cardId: "vannarith-gradual", reason: "The quote says nothing about pressure failing." });
    expect(upheld).toMatchObject({ status: "open", argumentId: aR1.id, cardId: "vannarith-gradual", challenger: "Chanthou", challengerSideId: SIDES.cnrp, ruling: null });
    const rejected = await must(u2.socket, "challenge:open", { argumentId: aG1.id, cardId: "kt-human-rights-steps", reason: "The card is about something else." });
    // Open challenges reach the teacher and the challenger only.
    expect((await snapshotOf<HostView>(host)).debate.challenges.map((c) => [c.id, c.status]).sort()).toEqual(
      [[upheld.id, "open"], [rejected.id, "open"]].sort(),
    );
    expect((await snapshotOf<ParticipantView>(r2.socket)).debate.arguments.find((a) => a.id === aR1.id)!.challenges).toEqual([]);
    const toChallenger = nextEvent(c2.socket, "challenge:changed", (c) => c.id === upheld.id && c.status === "upheld");
    expect(await must(host, "challenge:rule", { challengeId: upheld.id, upheld: true, reason: "The card does not support that claim." })).toMatchObject({
      id: upheld.id,
      status: "upheld",
      ruling: "The card does not support that claim.",
    });
    await toChallenger;
    expect(await must(host, "challenge:rule", { challengeId: rejected.id, upheld: false, reason: "The card supports it." })).toMatchObject({ status: "rejected" });
    // Ruled challenges are public.
    expect((await snapshotOf<ParticipantView>(r2.socket)).debate.arguments.find((a) => a.id === aR1.id)!.challenges).toMatchObject([
      { id: upheld.id, status: "upheld", ruling: "The card does not support that claim." },
    ]);

    // ---- Round 2: rebuttals; Ganna and Gech do not speak.
    const round2 = await startRound(host, 1);
    expect(round2).toMatchObject({ kind: "rebuttal", status: "open" });
    const aR2 = await ok(speak(r2, round2.id, "Patience has delivered more than threats.", ["vannarith-patient"]));
    const aC1b = await ok(speak(c1, round2.id, "Looking the other way only helps Beijing.", ["chhay-look-other-way"]));
    const aU1b = await ok(speak(u1, round2.id, "Meeting everyone keeps every door open.", ["kerry-meets-all"]));
    await must(host, "round:end", { roundId: round2.id });
    expect((await must(host, "ballot:submit", { argumentId: aR2.id, scores: rubricScores([2, 2, 2, 2]) })).points).toBe(40);
    expect((await must(host, "ballot:submit", { argumentId: aC1b.id, scores: rubricScores([4, 4, 4, 4]) })).points).toBe(80);
    await must(host, "round:reveal", { roundId: round2.id });
    await must(g1.socket, "vote:cast", { roundId: round2.id, argumentId: aR2.id });
    await must(g2.socket, "vote:cast", { roundId: round2.id, argumentId: aU1b.id });

    // ---- Round 3: crossfire between government and opposition, public as it happens.
    const round3 = await startRound(host, 2);
    expect(round3).toMatchObject({ kind: "crossfire", sides: [SIDES.rgc, SIDES.cnrp] });
    const question = await must(c1.socket, "crossfire:ask", {
      roundId: round3.id,
      clientId: randomUUID(),
      targetSideId: SIDES.rgc,
      body: "Is sovereignty a reason to jail the opposition?",
      cardIds: ["chhay-sovereignty"],
    });
    expect(question).toMatchObject({ kind: "question", sideId: SIDES.cnrp, targetSideId: SIDES.rgc, replyTo: null });
    await expect.poll(() => u1Arguments.some((a) => a.id === question.id)).toBe(true);
    const answer = await must(r1.socket, "crossfire:answer", {
      questionId: question.id,
      clientId: randomUUID(),
      body: "Our friends respect our laws; so should critics.",
      cardIds: ["vannarith-friends"],
    });
    expect(answer).toMatchObject({ kind: "answer", sideId: SIDES.rgc, replyTo: question.id });
    await expect.poll(() => u1Arguments.some((a) => a.id === answer.id)).toBe(true);
    const thread = (await snapshotOf<ParticipantView>(u1.socket)).debate.arguments.filter((a) => a.roundId === round3.id);
    expect(thread.map((a) => [a.kind, a.id])).toEqual([
      ["question", question.id],
      ["answer", answer.id],
    ]);
    await must(host, "round:end", { roundId: round3.id });
    expect((await must(host, "ballot:submit", { argumentId: question.id, scores: rubricScores([5, 5, 5, 5]) })).points).toBe(100);
    expect((await must(host, "ballot:submit", { argumentId: answer.id, scores: rubricScores([3, 3, 2, 2]) })).points).toBe(52);
    await must(u2.socket, "vote:cast", { roundId: round3.id, argumentId: answer.id });

    // ---- The standings, by hand (rubric + 10 per peer vote + challenges):
    // Rotha   88 + 52 = 140 | votes 3 → 30 | upheld against −30  → 140
    // Rithy   40             | votes 1 → 10 |                     → 50
    // Chenda  60 + 80 + 100 = 240 | votes 1 → 10 |                → 250
    // Chanthou 0             |              | upheld for +15      → 15
    // Udom    74 + 0 (unscored) = 74 | votes 1 → 10 |             → 84
    // Uy      0              |              | rejected −5         → −5
    // Ganna   100            | votes 1 → 10 |                     → 110
    // Gech    0                                                    → 0
    const person = (seat: { id: string; name: string }, rubric: number, peerVotes: number, challenges: number): Standing => ({
      id: seat.id,
      name: seat.name,
      total: rubric + peerVotes + challenges,
      breakdown: { rubric, peerVotes, challenges, quiz: 0, audience: 0 },
    });
    const side = (id: string, rubric: number, peerVotes: number, challenges: number): Standing => ({
      id,
      name: sideName[id],
      total: rubric + peerVotes + challenges,
      breakdown: { rubric, peerVotes, challenges, quiz: 0, audience: 0 },
    });
    const expected = {
      sides: [side(SIDES.cnrp, 240, 10, 15), side(SIDES.rgc, 180, 40, -30), side(SIDES.commentators, 100, 10, 0), side(SIDES.us, 74, 10, -5)],
      individuals: [
        person(c1, 240, 10, 0),
        person(r1, 140, 30, -30),
        person(g1, 100, 10, 0),
        person(u1, 74, 10, 0),
        person(r2, 40, 10, 0),
        person(c2, 0, 0, 15),
        person(g2, 0, 0, 0),
        person(u2, 0, 0, -5),
      ],
    };
    expect(expected.sides.map((s) => s.total)).toEqual([265, 190, 110, 79]);
    expect(expected.individuals.map((s) => s.total)).toEqual([250, 140, 110, 84, 50, 15, 0, -5]);

    const hostFinal = await snapshotOf<HostView>(host);
    expect(hostFinal.debate.scoreboard).toEqual(expected);
    expect(hostFinal.debate.votes).toEqual({ [aR1.id]: 2, [aC1.id]: 1, [aG1.id]: 1, [aR2.id]: 1, [aU1b.id]: 1, [answer.id]: 1 });
    expect(hostFinal.debate.ballots.filter((b) => b.argumentId === aR1.id)).toEqual([
      { argumentId: aR1.id, scores: rubricScores([5, 5, 4, 3]), comment: "Stronger on reflection.", points: 88 },
    ]);
    expect(hostFinal.debate.plan.map((p) => p.status)).toEqual(["closed", "closed", "closed"]);

    // Hidden from students and the projector until the teacher shows it; sides first, then individuals.
    expect((await snapshotOf<ParticipantView>(g2.socket)).debate.scoreboard).toBeNull();
    expect((await snapshotOf<ProjectorView>(projector)).debate.scoreboard).toBeNull();
    await must(host, "settings:update", { scoreboard: "sides" });
    expect((await snapshotOf<ParticipantView>(g2.socket)).debate.scoreboard).toEqual({ sides: expected.sides, individuals: null });
    const shown = nextEvent(g2.socket, "settings:changed", (c) => c.settings.scoreboard === "individuals");
    await must(host, "settings:update", { scoreboard: "individuals" });
    await shown;
    expect((await snapshotOf<ProjectorView>(projector)).debate.scoreboard).toEqual(expected);
    const studentFinal = await snapshotOf<ParticipantView>(g2.socket);
    expect(studentFinal.debate.scoreboard).toEqual(expected);
    expect(studentFinal.debate.myVotes).toEqual({ [round1.id]: aC1.id, [round2.id]: aU1b.id });
    expect((await snapshotOf<ParticipantView>(c2.socket)).debate.myChallenges).toMatchObject([{ id: upheld.id, status: "upheld" }]);
  });
});
