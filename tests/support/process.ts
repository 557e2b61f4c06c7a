// The real server as an operator starts it (`npm start`: server/index.ts on the production build)
// in a child process, for what only a process shows: its exit code, its log, its files.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../server/app";

export type ServerProcess = {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Its exit code once it exits. */
  exited: Promise<number | null>;
};

/**
 * Starts `node --import tsx server/index.ts` (one process, so its pid is the server's own), or
 * `wrapper` with that command appended (then `child` is the wrapper's process). `script` starts
 * another server the same way (the benchmark's baseline).
 */
export function spawnServer(env: Record<string, string>, wrapper: string[] = [], script = "server/index.ts"): ServerProcess {
  const { DATABASE_URL: _url, SESSION_SECRET: _secret, ...inherited } = process.env;
  const [command, ...args] = [...wrapper, process.execPath, "--import", "tsx", script];
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...inherited, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the "ready" line and answers the server's address, or fails with what it printed. */
export async function ready(server: ServerProcess, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const port = server.output().match(/ready on http:\/\/[^:]+:(\d+)/)?.[1];
    if (port) return `http://127.0.0.1:${port}`;
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not start:\n${server.output()}`);
}

/** Resolves with the exit code, or with "timeout" (and kills it) when it takes longer than `ms`. */
export async function exitWithin(server: ServerProcess, ms: number): Promise<number | null | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  const result = await Promise.race([server.exited, late]);
  clearTimeout(timer);
  if (result === "timeout") server.child.kill("SIGKILL");
  return result;
}

/**
 * Runs a load script (tests/support/flood.ts, handshakeFlood.ts) in its own process, as an
 * attacker's machine would be, with its plan as JSON. `ready` resolves when it prints "ready"
 * (connected and about to flood); `done` with the JSON result it prints last.
 */
export function runLoadScript<R>(script: string, plan: object, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(projectRoot, "tests/support", script)], {
    env: { ...process.env, FLOOD_PLAN: JSON.stringify(plan) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<R>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("ready\n")) markReady();
    });
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop()!;
      code === 0 ? resolve(JSON.parse(last)) : reject(new Error(`${script} exited ${code}: ${out}`));
    });
  });
  return { ready, done };
}

/** The p-th percentile (nearest rank) of measured times, for the load tests' reports. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
