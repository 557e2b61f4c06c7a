// The benchmark's answer: the JSON the issue names (every figure a number), the table of the
// issue's targets with pass or miss, and the other figures measured on the way, which say where
// the time and memory went.

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
  { scenario: "quiz burst", figure: "close to leaderboard", value: (j) => ms(j.quiz.leaderboard_ms), target: "≤ 250 ms", met: (j) => j.quiz.leaderboard_ms <= 250 },
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
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

export function targetTable(json: BenchJson) {
  return table([
    ["scenario", "figure", "value", "target", "result"],
    ...TARGETS.map((t) => [t.scenario, t.figure, t.value(json), t.target, t.target ? (t.met(json) ? "pass" : "MISS") : ""]),
  ]);
}

/** Other figures, as "name: value" lines under a heading per scenario. */
export function detailLines(details: Record<string, Record<string, unknown>>) {
  const show = (v: unknown): string =>
    typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : typeof v === "object" && v !== null ? inline(v as Record<string, unknown>) : String(v);
  const inline = (o: Record<string, unknown>) => `{ ${Object.entries(o).map(([k, v]) => `${k} ${show(v)}`).join(", ")} }`;
  return Object.entries(details)
    .map(([scenario, figures]) => `${scenario}\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${show(v)}`).join("\n")}`)
    .join("\n");
}
