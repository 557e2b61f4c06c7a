// The benchmark's answer: the JSON the issue names (every figure a number), the table of the
// issue's targets with pass or miss, and the other figures measured on the way, which say where
// the time and memory went.
import type { DriverCalls } from "./driver";
import type { checkAnswers, checkVotes } from "./stored";

/** A driver call's result, with the CPU the server and the baseline used while it ran (run.ts). */
export type Measured<K extends keyof DriverCalls> = Awaited<ReturnType<DriverCalls[K]>> & { serverCpu: number; baselineCpu: number };
type Held = { rssKb: number; heapKb: number };
export type SocketMemory = { closed: Held; open: Held; rss: number; heap: number };

/** Everything one run measured. */
export type Measures = {
  backend: BenchJson["backend"];
  students: number;
  voters: number;
  join: Measured<"joinStorm">;
  memory: SocketMemory;
  baselineMemory: SocketMemory;
  baselineVotes: Measured<"baselineVotes">;
  votes: Measured<"votes">;
  throughput: Measured<"throughput">;
  quiz: Measured<"quiz">;
  stored: {
    votes: Awaited<ReturnType<typeof checkVotes>>;
    throughput: Awaited<ReturnType<typeof checkVotes>>;
    quiz: Awaited<ReturnType<typeof checkAnswers>>;
  };
};

export type BenchJson = {
  backend: "pglite" | "postgres";
  join: { p50_ms: number; p99_ms: number; refused: number };
  votes: {
    ack_p50_ms: number;
    ack_p99_ms: number;
    baseline_ack_p50_ms: number;
    baseline_ack_p99_ms: number;
    acked: number;
    stored: number;
    lost: number;
    duplicated: number;
  };
  throughput: { stored_per_s: number };
  quiz: { ack_p99_ms: number; leaderboard_ms: number };
  memory: { rss_per_socket_kb: number };
};

/** The issue's targets, as checks on one run's figures. */
export const TARGETS: { scenario: string; figure: string; value(j: BenchJson): string; target: string; met(j: BenchJson): boolean }[] = [
  { scenario: "join storm", figure: "join p50", value: (j) => ms(j.join.p50_ms), target: "", met: () => true },
  { scenario: "join storm", figure: "join p99", value: (j) => ms(j.join.p99_ms), target: "≤ 1000 ms", met: (j) => j.join.p99_ms <= 1000 },
  { scenario: "join storm", figure: "refused", value: (j) => String(j.join.refused), target: "0", met: (j) => j.join.refused === 0 },
  {
    scenario: "votes",
    figure: "ack p50 (baseline)",
    value: (j) => `${ms(j.votes.ack_p50_ms)} (${ms(j.votes.baseline_ack_p50_ms)})`,
    target: "≤ baseline + 3 ms",
    met: (j) => j.votes.ack_p50_ms <= j.votes.baseline_ack_p50_ms + 3,
  },
  {
    scenario: "votes",
    figure: "ack p99 (baseline)",
    value: (j) => `${ms(j.votes.ack_p99_ms)} (${ms(j.votes.baseline_ack_p99_ms)})`,
    target: "≤ 2 × baseline",
    met: (j) => j.votes.ack_p99_ms <= 2 * j.votes.baseline_ack_p99_ms,
  },
  { scenario: "votes", figure: "acked / stored rows", value: (j) => `${j.votes.acked} / ${j.votes.stored}`, target: "", met: () => true },
  { scenario: "votes", figure: "lost", value: (j) => String(j.votes.lost), target: "0", met: (j) => j.votes.lost === 0 },
  { scenario: "votes", figure: "duplicated", value: (j) => String(j.votes.duplicated), target: "0", met: (j) => j.votes.duplicated === 0 },
  {
    scenario: "throughput",
    figure: "stored votes/s",
    value: (j) => j.throughput.stored_per_s.toFixed(0),
    target: "≥ 5000/s (on PostgreSQL)",
    met: (j) => j.throughput.stored_per_s >= 5000,
  },
  { scenario: "quiz burst", figure: "ack p99", value: (j) => ms(j.quiz.ack_p99_ms), target: "≤ 100 ms", met: (j) => j.quiz.ack_p99_ms <= 100 },
  {
    scenario: "quiz burst",
    figure: "close to leaderboard",
    value: (j) => ms(j.quiz.leaderboard_ms),
    target: "≤ 250 ms",
    met: (j) => j.quiz.leaderboard_ms <= 250,
  },
  {
    scenario: "memory",
    figure: "server RSS per socket",
    value: (j) => `${j.memory.rss_per_socket_kb.toFixed(1)} KB`,
    target: "≤ 20 KB",
    met: (j) => j.memory.rss_per_socket_kb <= 20,
  },
];

function ms(value: number) {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function table(rows: string[][]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

/** The JSON of a run of the join storm alone. */
export type JoinJson = Pick<BenchJson, "backend" | "join">;

/** The targets table; `scenario` keeps that scenario's rows only (a run of it alone, whose JSON has only its part). */
export function targetTable(json: BenchJson): string;
export function targetTable(json: JoinJson, scenario: "join storm"): string;
export function targetTable(json: BenchJson | JoinJson, scenario?: string) {
  // The rows kept read only the part of the JSON their scenario has.
  const full = json as BenchJson;
  return table([
    ["scenario", "figure", "value", "target", "result"],
    ...TARGETS.filter((t) => !scenario || t.scenario === scenario).map((t) => [t.scenario, t.figure, t.value(full), t.target, t.target ? (t.met(full) ? "pass" : "MISS") : ""]),
  ]);
}

/** Other figures, as "name: value" lines under a heading per scenario. */
export function detailLines(details: Record<string, Record<string, unknown>>) {
  const show = (v: unknown): string =>
    typeof v === "number"
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(2)
      : typeof v === "object" && v !== null
      ? inline(v as Record<string, unknown>)
      : String(v);
  const inline = (o: Record<string, unknown>) =>
    `{ ${Object.entries(o)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(", ")} }`;
  return Object.entries(details)
    .map(
      ([scenario, figures]) =>
        `${scenario}\n${Object.entries(figures)
          .map(([k, v]) => `  ${k}: ${show(v)}`)
          .join("\n")}`
    )
    .join("\n");
}

const cpu = (r: { serverCpu: number; driverCpu: number }) => ({ server: r.serverCpu, driver: r.driverCpu });

/** The join storm's part of the JSON and its other figures. */
export function joinReport(backend: BenchJson["backend"], students: number, join: Measured<"joinStorm">): { json: JoinJson; details: Record<string, Record<string, unknown>> } {
  return {
    json: { backend, join: { p50_ms: join.total.p50, p99_ms: join.total.p99, refused: students - join.joined } },
    details: {
      "join storm": {
        joined: join.joined,
        refusals: join.refused,
        "form (POST /join) ms": join.form,
        "page (GET /play) ms": join.page,
        "socket + snapshot ms": join.socket,
        "sent to the console": join.traffic.host,
        "sent to the projector": join.traffic.projector,
        "cpu (cores)": cpu(join),
      },
    },
  };
}

/** The issue's JSON, and the other figures by scenario. */
export function report(m: Measures) {
  const { join, memory, baselineMemory, baselineVotes, votes, throughput, quiz, stored } = m;
  const joined = joinReport(m.backend, m.students, join);
  const json: BenchJson = {
    ...joined.json,
    votes: {
      ack_p50_ms: votes.ack.p50,
      ack_p99_ms: votes.ack.p99,
      baseline_ack_p50_ms: baselineVotes.ack.p50,
      baseline_ack_p99_ms: baselineVotes.ack.p99,
      acked: votes.acked,
      stored: stored.votes.stored,
      lost: stored.votes.lost,
      duplicated: stored.votes.duplicated,
    },
    throughput: { stored_per_s: throughput.storedPerSecond },
    quiz: { ack_p99_ms: quiz.ack.p99, leaderboard_ms: quiz.leaderboardMs },
    memory: { rss_per_socket_kb: memory.rss },
  };
  const details = {
    ...joined.details,
    memory: {
      "server RSS (KB), sockets closed / open": { closed: memory.closed.rssKb, open: memory.open.rssKb },
      "server V8 heap per socket (KB)": memory.heap,
      "baseline RSS per socket (KB)": baselineMemory.rss,
      "baseline V8 heap per socket (KB)": baselineMemory.heap,
    },
    "votes (baseline)": {
      ack: baselineVotes.ack,
      acked: baselineVotes.acked,
      refused: baselineVotes.refused,
      "timed out": baselineVotes.timedOut,
      "cpu (cores)": { baseline: baselineVotes.baselineCpu, driver: baselineVotes.driverCpu },
    },
    votes: {
      ack: votes.ack,
      sent: votes.sent,
      "sent per second": votes.rate,
      refused: votes.refused,
      "timed out": votes.timedOut,
      students: m.voters,
      "students with an acked vote": stored.votes.voters,
      "poll:close ack ms": votes.closeMs,
      "voted, in the closed poll's tally": votes.tallyVoted,
      "cpu (cores)": cpu(votes),
    },
    throughput: {
      acked: throughput.acked,
      seconds: throughput.seconds,
      "offered at most per second": throughput.offeredAtMost,
      ack: throughput.ack,
      refused: throughput.refused,
      "timed out": throughput.timedOut,
      "stored rows / lost / duplicated": { stored: stored.throughput.stored, lost: stored.throughput.lost, duplicated: stored.throughput.duplicated },
      "poll:close ack ms": throughput.closeMs,
      "cpu (cores)": cpu(throughput),
    },
    "quiz burst": {
      question: `${quiz.kind}, ${quiz.limitSeconds} s`,
      "question reached students (ms after ask)": quiz.broadcast,
      ack: quiz.ack,
      acked: quiz.acked,
      refused: quiz.refused,
      "timed out": quiz.timedOut,
      "stored rows / acked without a row": { stored: stored.quiz.stored, lost: stored.quiz.lost },
      "quiz:close ack ms": quiz.closeMs,
      "console got the leaderboard (ms after close)": quiz.consoleLeaderboardMs,
      "leaderboard entries": quiz.leaders,
      "results reached students (ms after close)": quiz.results,
      "cpu (cores)": cpu(quiz),
    },
  };
  return { json, details };
}
