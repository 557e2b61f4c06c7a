// The benchmark's driver, in its own process as a class's phones would be: a teacher who signs up
// and starts a session through the forms, a projector, students who join through the join form
// and connect real socket.io-client sockets, and sockets to the bare Socket.IO baseline. The
// runner (run.ts) calls one scenario at a time (rpc.ts) and reads the server's memory in between.
import { randomUUID } from "node:crypto";
import { connect, send, signUpTeacher, startSession, type ClientSocket } from "../support/clients";
import { rawCookiesOf, rawRequest } from "../support/http";
import { percentile } from "../support/process";
import { paced } from "./pace";
import { quizBurst } from "./quiz";
import { serve } from "./rpc";
import { steadyVotes, throughput, votesScenario } from "./votes";

/** Its quiz bank gives the quiz burst its question (the polls are typed by the benchmark). */
const SCENARIO = "conditioned-engagement";

export type Student = { name: string; participantId: string; cookie: string; socket: ClientSocket };
export type Class = { host: ClientSocket; projector: ClientSocket; students: Student[] };

type SessionRef = { id: string; code: string };

let url = "";
let session: SessionRef = { id: "", code: "" };
const students: Student[] = [];
let baselineUrl = "";
const baseline: ClientSocket[] = [];
/** The baseline reads no handshake; any will do. */
const BASELINE_HANDSHAKE = { role: "participant" as const, token: "baseline-student" };
type Target = "rostrum" | "baseline";

let room: Class | undefined;

const sessionClass = () => {
  if (!room) throw new Error("call setup first");
  return room;
};

/** The driver's own CPU use (user + system, as a share of one core) while `work` ran: near 100%, the driver was the limit. */
async function withDriverCpu<T extends object>(work: () => Promise<T>): Promise<T & { driverCpu: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { ...result, driverCpu: (used.user + used.system) / 1000 / (performance.now() - started) };
}

class JoinRefused extends Error {}

/** One student as a phone joins: the form, the page it redirects to, the socket and its first snapshot. */
async function joinOne({ id: sessionId, code }: SessionRef, name: string) {
  const started = performance.now();
  // A connection of its own for each request, as each phone has (no pool, no client-side timeout).
  const form = await rawRequest(`${url}/join`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ code, name, joinId: randomUUID() }).toString(),
  });
  const location = form.headers.location;
  if (form.status !== 302 || !location) throw new JoinRefused(`form answered ${form.status}`);
  const cookie = rawCookiesOf(form);
  const formDone = performance.now();
  const shown = await rawRequest(`${url}${location}`, { headers: { cookie } });
  if (shown.status !== 200) throw new JoinRefused(`page answered ${shown.status}`);
  const pageDone = performance.now();
  const socket = await connect(url, { role: "participant", sessionId }, cookie).catch((error: Error & { data?: { code?: string } }) => {
    throw new JoinRefused(`handshake refused: ${error.data?.code ?? error.message}`);
  });
  const snapshot = await send(socket, "session:snapshot", {});
  if (!snapshot.ok || snapshot.data.audience !== "participant") {
    socket.close();
    throw new JoinRefused(`snapshot refused: ${snapshot.ok ? snapshot.data.audience : snapshot.error.code}`);
  }
  const done = performance.now();
  return {
    student: { name, participantId: snapshot.data.me.id, cookie, socket },
    times: { total: done - started, form: formDone - started, page: pageDone - formDone, socket: done - pageDone },
  };
}

/** Counts the events an audience's socket receives and their size as JSON, while watched. */
function watchTraffic(socket: ClientSocket) {
  const seen = { events: 0, kb: 0 };
  const listener = (_event: string, ...args: unknown[]) => {
    seen.events++;
    seen.kb += JSON.stringify(args).length / 1024;
  };
  socket.onAny(listener);
  return () => {
    socket.offAny(listener);
    return { events: seen.events, kb: Math.round(seen.kb) };
  };
}

/** Runs open(i) for i in [0, count), a hundred at a time: a reconnect wave, without thousands of handshakes in flight at once. */
async function inHundreds(count: number, open: (i: number) => Promise<void>) {
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)));
}

const figures = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

const handlers = {
  /** Signs a teacher up, starts a session for `capacity` students, and opens the console and projector sockets. */
  async setup(args: { url: string; capacity: number }) {
    url = args.url;
    const teacherCookie = (await signUpTeacher(url)).cookie;
    session = await startSession(url, teacherCookie, SCENARIO, args.capacity).catch((error: Error) => {
      throw new Error(`${error.message} (a session for ${args.capacity} students: is CAPACITY.max in server/limits.ts at least that?)`);
    });
    room = {
      host: await connect(url, { role: "host", sessionId: session.id }, teacherCookie),
      projector: await connect(url, { role: "projector", sessionId: session.id }, teacherCookie),
      students,
    };
    return null;
  },

  /** `count` students join over `seconds`, at an even pace (the i-th at i × seconds / count), each not waiting for the others. */
  joinStorm: ({ count, seconds }: { count: number; seconds: number }) =>
    withDriverCpu(async () => {
      const { host, projector } = sessionClass();
      const [hostTraffic, projectorTraffic] = [watchTraffic(host), watchTraffic(projector)];
      const joined: Awaited<ReturnType<typeof joinOne>>["times"][] = [];
      const refused: Record<string, number> = {};
      const joins: Promise<void>[] = [];
      const started = performance.now();
      await paced(count, count / seconds, (i) =>
        joins.push(
          joinOne(session, `Student ${String(i + 1).padStart(4, "0")}`).then(
            ({ student, times }) => {
              students.push(student);
              joined.push(times);
            },
            (error: Error) => {
              const reason = error instanceof JoinRefused ? error.message : `error: ${(error as Error & { code?: string }).code ?? error.message}`;
              refused[reason] = (refused[reason] ?? 0) + 1;
            }
          )
        )
      );
      await Promise.all(joins);
      const elapsed = (performance.now() - started) / 1000;
      if (joined.length === 0) throw new Error(`no student could join: ${JSON.stringify(refused)}`);
      return {
        joined: joined.length,
        refused,
        seconds: elapsed,
        total: figures(joined.map((j) => j.total)),
        form: figures(joined.map((j) => j.form)),
        page: figures(joined.map((j) => j.page)),
        socket: figures(joined.map((j) => j.socket)),
        traffic: { host: hostTraffic(), projector: projectorTraffic() },
      };
    }),

  /** Closes every student's socket on Rostrum (their seats stay), or every socket on the baseline. */
  async disconnect({ target }: { target: Target }) {
    for (const socket of target === "rostrum" ? students.map((s) => s.socket) : baseline) socket.close();
    return null;
  },

  /**
   * Opens them again, a hundred at a time, as clients do after a Wi-Fi drop: on Rostrum the
   * handshake with the seat cookie, then a snapshot.
   */
  async reconnect({ target }: { target: Target }) {
    const reopen =
      target === "baseline"
        ? async (i: number) => void (baseline[i] = await connect(baselineUrl, BASELINE_HANDSHAKE))
        : async (i: number) => {
            const student = students[i];
            student.socket = await connect(url, { role: "participant", sessionId: session.id }, student.cookie);
            const snapshot = await send(student.socket, "session:snapshot", {});
            if (!snapshot.ok) throw new Error(`reconnecting, a snapshot was refused: ${snapshot.error.code}`);
          };
    await inHundreds(target === "baseline" ? baseline.length : students.length, reopen);
    return null;
  },

  /** Opens `count` sockets to the baseline server. */
  async connectBaseline(args: { baselineUrl: string; count: number }) {
    baselineUrl = args.baselineUrl;
    await inHundreds(args.count, async (i) => void (baseline[i] = await connect(baselineUrl, BASELINE_HANDSHAKE)));
    return null;
  },

  /** The votes scenario on the baseline: the same pace and payloads as on Rostrum. */
  baselineVotes: ({ voters, rate, seconds }: { voters: number; rate: number; seconds: number }) =>
    withDriverCpu(async () => {
      const run = await steadyVotes(baseline.slice(0, voters), "baseline", rate, seconds);
      return { ack: run.ack.figures("baseline votes"), ...run.ack.summary(), seconds: run.seconds };
    }),

  votes: (args: { voters: number; rate: number; seconds: number }) => withDriverCpu(() => votesScenario(sessionClass(), args)),
  throughput: (args: { seconds: number }) => withDriverCpu(() => throughput(sessionClass(), args)),
  quiz: (args: { seconds: number }) => withDriverCpu(() => quizBurst(sessionClass(), args)),

  async close(_: void) {
    for (const socket of [...students.map((s) => s.socket), ...baseline, room?.host, room?.projector]) socket?.close();
    setTimeout(() => process.exit(0), 100);
    return null;
  },
};

export type DriverCalls = typeof handlers;
serve(handlers);
