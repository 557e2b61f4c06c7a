// `npm run bench`: the benchmark. Starts the real server (server/index.ts on the
// production build, NODE_ENV=production) on the embedded database in a temporary DATA_DIR, or on
// a fresh PostgreSQL database when DATABASE_URL names a server; starts the bare Socket.IO baseline
// (baseline.ts); drives both from a separate process (driver.ts) with real socket.io-client
// students; then stops the server and checks what reached the database. Prints the targets table
// and the other figures, and writes the JSON (--out). Exits non-zero on errors only: a missed
// target is reported, not an error. README "Benchmark" documents the flags and scenarios.
import { execFileSync, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, type DatabaseOptions } from "../../db/client";
import { EVENTS_PER_SECOND } from "../../server/realtime/limits";
import { projectRoot } from "../../server/app";
import { exitWithin, ready, spawnServer, type ServerProcess } from "../support/process";
import { freshPostgres } from "../support/server";
import type { DriverCalls } from "./driver";
import { sleep } from "./pace";
import { heldMemory, INSPECT, inspectorUrl } from "./inspector";
import { cpuMeter } from "./processStats";
import { detailLines, joinReport, report, targetTable } from "./report";
import type { BenchJson, JoinJson, Measured, SocketMemory } from "./report";
import { caller } from "./rpc";
import { checkAnswers, checkVotes } from "./stored";

const USAGE = `npm run bench -- [--students N] [--voters N] [--rate R] [--seconds S] [--join-seconds S]
                    [--throughput-seconds S] [--quiz-seconds S] [--join-only] [--out FILE]`;

/** A mistake in the command line: said in one sentence with the usage, no stack. */
class UsageError extends Error {}

/** The table; smaller runs keep its per-student pace (see README "Benchmark"). */
function parseOptions(argv: string[]) {
  const parse = () =>
    parseArgs({
      args: argv,
      options: {
        students: { type: "string" },
        voters: { type: "string" },
        rate: { type: "string" },
        seconds: { type: "string" },
        "join-seconds": { type: "string" },
        "throughput-seconds": { type: "string" },
        "quiz-seconds": { type: "string" },
        out: { type: "string" },
        "join-only": { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse());
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: keyof typeof values, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number`);
    return value;
  };
  const students = Math.round(positive("students", 2000));
  const voters = Math.round(positive("voters", Math.min(1000, students)));
  if (voters > students) throw new UsageError(`--voters (${voters}) cannot exceed --students (${students})`);
  const rate = positive("rate", 2 * voters);
  if (rate / voters >= EVENTS_PER_SECOND)
    throw new UsageError(
      `--rate ${rate} makes each of ${voters} voters send ${rate / voters}/s; the server allows ${EVENTS_PER_SECOND} events a second per seat`
    );
  return {
    students,
    voters,
    rate,
    seconds: positive("seconds", 20),
    joinSeconds: positive("join-seconds", (30 * students) / 2000),
    throughputSeconds: positive("throughput-seconds", 10),
    quizSeconds: positive("quiz-seconds", 2),
    out: path.resolve(values.out ?? path.join(projectRoot, "tests/artifacts/bench.json")),
    /** The join storm alone: its figures, without the other scenarios (the JSON has the backend and join only). */
    joinOnly: values["join-only"] ?? false,
    /** Any flag but --out changes the run from the table. */
    scaled: Object.entries(values).some(([name, value]) => name !== "out" && name !== "join-only" && value !== undefined),
  };
}

function ensureBuild() {
  if (existsSync(path.join(projectRoot, "build/server/index.js"))) return;
  console.log("No production build in build/: running `npm run build` first.");
  execFileSync("npm", ["run", "build"], { cwd: projectRoot, stdio: "inherit" });
}

/** A fresh database for this run, the server's environment for it, and how to read it afterwards. */
async function prepareDatabase(dataDir: string) {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    const options: DatabaseOptions = { backend: "pglite", dataDir: path.join(dataDir, "pglite") };
    return { backend: "pglite" as const, env: {} as Record<string, string>, options, drop: async () => {} };
  }
  const pg = await freshPostgres(admin, "rostrum_bench");
  const options: DatabaseOptions = { backend: "postgres", url: pg.url, maxConnections: 1 };
  return { backend: "postgres" as const, env: { DATABASE_URL: pg.url }, options, drop: pg.drop };
}

const log = (line: string) => console.log(`· ${line}`);
const scaledNote = (options: { scaled: boolean }) => (options.scaled ? ": a scaled-down run; the targets are for the full one" : "");

/** Prints the targets table (a run of the join storm alone: its rows only) and the other figures, and writes the JSON to `out`. */
async function publish(json: BenchJson | JoinJson, details: Record<string, Record<string, unknown>>, title: string, out: string) {
  console.log(`\nRostrum benchmark (${title})\n`);
  console.log("votes" in json ? targetTable(json) : targetTable(json, "join storm"));
  console.log(`\n${detailLines(details)}\n`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(JSON.stringify(json));
  console.log(`Written to ${path.relative(process.cwd(), out)}`);
}

/** Idle time before reading a process's memory, so work in flight (broadcasts, timers) has ended. */
const SETTLE_MS = 3000;

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuild();
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async (server: ServerProcess) => {
    if (server.child.exitCode !== null) return;
    server.child.kill("SIGTERM");
    if ((await exitWithin(server, 15_000)) === "timeout") throw new Error(`a server did not stop within 15 s:\n${server.output()}`);
  };
  try {
    const dataDir = await mkdtemp(path.join(tmpdir(), "rostrum-bench-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = await prepareDatabase(dataDir);
    cleanups.push(database.drop);
    log(`backend ${database.backend}; ${options.students} students, ${options.voters} voters at ${options.rate} votes/s for ${options.seconds} s`);

    const server = spawnServer({ DATA_DIR: dataDir, SESSION_SECRET: randomBytes(32).toString("hex"), NODE_OPTIONS: INSPECT, ...database.env });
    cleanups.push(() => stop(server));
    const baseline = spawnServer({ NODE_OPTIONS: INSPECT }, [], "tests/bench/baseline.ts");
    cleanups.push(() => stop(baseline));
    const [url, baselineUrl] = await Promise.all([ready(server), ready(baseline)]);
    const serverPid = server.child.pid!;
    const baselinePid = baseline.child.pid!;

    const driverProcess = fork(path.join(projectRoot, "tests/bench/driver.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    cleanups.push(async () => void (driverProcess.exitCode === null && driverProcess.kill()));
    const call = caller<DriverCalls>(driverProcess);
    /** Runs a driver call and adds the server's (and baseline's) CPU share while it ran. */
    const measured = async <K extends keyof DriverCalls & string>(name: K, args: Parameters<DriverCalls[K]>[0]): Promise<Measured<K>> => {
      const [serverCpu, baselineCpu] = [cpuMeter(serverPid), cpuMeter(baselinePid)];
      const result = await call(name, args);
      return { ...result, serverCpu: serverCpu.share(), baselineCpu: baselineCpu.share() };
    };

    await call("setup", { url, capacity: options.students });
    log(`join storm: ${options.students} students over ${options.joinSeconds} s`);
    const join = await measured("joinStorm", { count: options.students, seconds: options.joinSeconds });
    log(`  ${join.joined} joined (p50 ${join.total.p50.toFixed(0)} ms, p99 ${join.total.p99.toFixed(0)} ms); refused ${JSON.stringify(join.refused)}`);
    if (options.joinOnly) {
      await call("close", undefined);
      const { json, details } = joinReport(database.backend, options.students, join);
      await publish(json, details, `${database.backend}, the join storm only${scaledNote(options)}`, options.out);
      return;
    }

    /**
     * Memory per socket: the class's sockets closed, then opened again as after a Wi-Fi drop,
     * the memory held read in each state (inspector.ts), so the two differ only by the sockets.
     * Not the join storm's before and after: a server releases tens of MB of start-up memory at
     * some point during its first minutes, which swamped that difference.
     */
    const socketMemory = async (target: "rostrum" | "baseline", pid: number, inspector: string): Promise<SocketMemory> => {
      await call("disconnect", { target });
      await sleep(SETTLE_MS);
      const closed = await heldMemory(pid, inspector);
      await call("reconnect", { target });
      await sleep(SETTLE_MS);
      const open = await heldMemory(pid, inspector);
      return { closed, open, rss: (open.rssKb - closed.rssKb) / join.joined, heap: (open.heapKb - closed.heapKb) / join.joined };
    };
    log(`memory: ${join.joined} sockets closed and opened again, on Rostrum then on the baseline`);
    await sleep(SETTLE_MS);
    const memory = await socketMemory("rostrum", serverPid, inspectorUrl(server.output()));
    await call("connectBaseline", { baselineUrl, count: join.joined });
    const baselineMemory = await socketMemory("baseline", baselinePid, inspectorUrl(baseline.output()));

    // Refused joins are a missed target, reported; the other scenarios go on with the students seated, at the same pace per student.
    const voters = Math.min(options.voters, join.joined);
    const rate = (options.rate * voters) / options.voters;
    log(`votes on the baseline, then on Rostrum: ${voters} students, ${rate}/s for ${options.seconds} s`);
    const baselineVotes = await measured("baselineVotes", { voters, rate, seconds: options.seconds });
    log(`  baseline ack p50 ${baselineVotes.ack.p50.toFixed(2)} ms, p99 ${baselineVotes.ack.p99.toFixed(2)} ms`);
    const votes = await measured("votes", { voters, rate, seconds: options.seconds });
    log(
      `  ack p50 ${votes.ack.p50.toFixed(2)} ms, p99 ${votes.ack.p99.toFixed(2)} ms; ${votes.acked} acked, refused ${JSON.stringify(votes.refused)}, ${
        votes.timedOut
      } timed out`
    );
    log(`throughput: ${join.joined} students as fast as the server answers, for ${options.throughputSeconds} s`);
    const throughput = await measured("throughput", { seconds: options.throughputSeconds });
    log(`  ${throughput.storedPerSecond.toFixed(0)} stored votes/s`);
    log(`quiz burst: ${join.joined} students answer within ${options.quizSeconds} s`);
    const quiz = await measured("quiz", { seconds: options.quizSeconds });
    log(`  ack p99 ${quiz.ack.p99.toFixed(1)} ms; leaderboard ${quiz.leaderboardMs.toFixed(0)} ms after the close`);
    await call("close", undefined);

    log("stopping the server, then reading what it stored");
    await stop(server);
    const handle = await openDatabase(database.options);
    const [votesDb, throughputDb, quizDb] = await Promise.all([
      checkVotes(handle.db, votes.pollId, votes.seats),
      checkVotes(handle.db, throughput.pollId, throughput.seats),
      checkAnswers(handle.db, quiz.questionId, quiz.ackedStudents),
    ]).finally(() => handle.close());

    const { json, details } = report({
      backend: database.backend,
      students: options.students,
      voters,
      join,
      memory,
      baselineMemory,
      baselineVotes,
      votes,
      throughput,
      quiz,
      stored: { votes: votesDb, throughput: throughputDb, quiz: quizDb },
    });
    await publish(json, details, `${database.backend}${scaledNote(options)}`, options.out);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(`cleanup: ${error}`));
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error.stack ?? String(error));
    process.exit(1);
  }
);
