// A class flooding its debate with edits must not hold up a teacher in another session: 150
// seats, each within its own rate limit, resubmit their speech from a separate process while
// the other teacher extends a round and scores ballots. Prints the measured p50/p99.
// Runs on PGlite, and on PostgreSQL when configured.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debateArguments, rounds } from "../../db/schema";
import { send, signUpTeacher, socketsToClose, startSession } from "../support/clients";
import { must, rubricScores, SCENARIO_ROUNDS, seatStudents, SIDES, speak, startRound } from "../support/debate";
import { percentile, runLoadScript } from "../support/process";
import { backends, startServer, type TestServer } from "../support/server";

type FloodResult = { connected: number; refused: number; sent: number; answers: Record<string, number>; disconnected: number };
const SEATS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const countOf = (codes: string[]) => Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));

describe.each(backends)("a teacher beside a flooded debate on %s", (backend) => {
  let server: TestServer;
  const { open, closeAll } = socketsToClose();

  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(async () => {
    closeAll();
    await server?.close();
  });

  it("answers round:extend and ballot:submit quickly while another session's students flood argument edits", { timeout: 120_000 }, async () => {
    const plan = [{ index: SCENARIO_ROUNDS.opening, seconds: 600 }];
    // The crowded class: 150 seats, seated by locking the sides, and a round open for speeches.
    const crowdTeacher = await signUpTeacher(server.url, "Mr Crowded");
    const crowded = await startSession(server.url, crowdTeacher.cookie, "conditioned-engagement", 300, plan);
    const tokens: string[] = [];
    for (let i = 0; i < SEATS; i++) tokens.push((await server.rostrum.live.joinSession(crowded.code, `Flooder ${i}`)).token);
    const crowdHost = await open(server.url, { role: "host", sessionId: crowded.id }, crowdTeacher.cookie);
    await must(crowdHost, "lobby:lockSides", { locked: true });
    const busyRound = await startRound(crowdHost, 0);

    // The calm class: one speech to score, a round to extend.
    const calmTeacher = await signUpTeacher(server.url, "Ms Calm");
    const calm = await startSession(server.url, calmTeacher.cookie, "conditioned-engagement", 60, plan);
    const host = await open(server.url, { role: "host", sessionId: calm.id }, calmTeacher.cookie);
    const { Dara } = await seatStudents(server, host, calm.code, { [SIDES.cnrp]: ["Dara"] }, open);
    const calmRound = await startRound(host, 0);
    const speech = await speak(Dara, calmRound.id, "A speech to score.", ["rainsy-prisoners"]);
    if (!speech.ok) throw new Error(speech.error.message);

    // 5 edits a second per seat: half the per-seat limit, so every one reaches the engine.
    const attack = runLoadScript<FloodResult>("flood.ts", {
      url: server.url,
      tokens,
      socketsPerToken: 1,
      perSecond: 5,
      seconds: 8,
      event: "argument:submit",
      payload: { roundId: busyRound.id, body: "Edited again and again.", cardIds: [] },
      freshClientId: true,
    });
    await attack.ready;
    await sleep(1000);
    const timings: number[] = [];
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      // An unanswered command counts as its 5 s timeout, so the figures below still print.
      const answer = await (i % 2 === 0
        ? send(host, "round:extend", { roundId: calmRound.id, seconds: 30 })
        : send(host, "ballot:submit", { argumentId: speech.data.id, scores: rubricScores([(i % 5) + 1, 3, 3, 3]), comment: `Take ${i}` })
      ).catch(() => ({ ok: false as const, error: { code: "timeout", message: "no answer within 5 s" } }));
      timings.push(performance.now() - started);
      answers.push(answer.ok ? "ok" : answer.error.code);
      await sleep(150);
    }
    const result = await attack.done;
    const p50 = percentile(timings, 50);
    const p99 = percentile(timings, 99);
    const edits = await server.database.db.select().from(debateArguments).where(eq(debateArguments.sessionId, crowded.id));
    const maxRevision = Math.max(...edits.map((e) => e.revision));
    console.log(
      `[${backend}] teacher command beside a flooded debate: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ` +
        `answers ${JSON.stringify(countOf(answers))}; flood ${JSON.stringify(result)}; speeches stored ${edits.length}, highest revision ${maxRevision}`,
    );

    expect(answers).toEqual(Array(40).fill("ok"));
    expect(result.connected).toBe(SEATS);
    // The flood was real: edits reached the engine and were stored (how many is printed above).
    expect(result.answers.ok).toBeGreaterThan(0);
    expect(maxRevision).toBeGreaterThan(1);
    // A generous bound for a busy machine running other test files at once.
    expect(p99).toBeLessThan(2000);
    // The calm round got its twenty extensions: 600 s + 20 × 30 s.
    const [extended] = await server.database.db.select().from(rounds).where(eq(rounds.id, calmRound.id));
    expect(extended.endsAt!.getTime() - calmRound.endsAt!).toBe(20 * 30_000);
  });
});
