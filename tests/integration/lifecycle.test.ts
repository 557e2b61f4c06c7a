// The server process as an operator runs it: one server per embedded database (a second one on
// the same DATA_DIR is refused and writes nothing), a lock left by a killed server does not block
// the next start (in a container, once its heartbeat is 20 s old), even when the next server gets
// the killed one's pid, and SIGTERM ends every
// connection, even one that never answers, and exits 0.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readlinkSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, postForm, signUpTeacher, startSession } from "../support/clients";
import { exitWithin, ready, spawnServer, type ServerProcess } from "../support/process";
import { backends, freshPostgres } from "../support/server";

/**
 * Every file under `dir` with its size and modification time: what "nothing was written" means.
 * The lock file by its contents only: its holder touches it every few seconds as a heartbeat.
 */
async function snapshotOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(path.join(dir, name));
    if (name === "pglite.lock") files[name] = await readFile(path.join(dir, name), "utf8");
    else if (info.isFile()) files[name] = `${info.size} ${info.mtimeMs}`;
  }
  return files;
}

// As in a container: the server is PID 1 of its own pid namespace, after every restart (root only).
const inPidNamespace = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"];
const canUnshare = spawnSync(inPidNamespace[0]!, [...inPidNamespace.slice(1), "true"]).status === 0;
/** The host pid of the server that unshare runs as its only child. */
const serverIn = (wrapped: ServerProcess) => Number(readFileSync(`/proc/${wrapped.child.pid}/task/${wrapped.child.pid}/children`, "utf8").trim());

// Each start compiles the server with tsx and opens PGlite: seconds each, more on a busy machine.
describe("server process", { timeout: 120_000 }, () => {
  let dataDir: string;
  const running: ServerProcess[] = [];
  const start = (env: Record<string, string> = {}, wrapper: string[] = []) => {
    const server = spawnServer({ DATA_DIR: dataDir, ...env }, wrapper);
    running.push(server);
    return server;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "rostrum-lifecycle-"));
  });
  afterEach(async () => {
    for (const server of running.splice(0)) if (server.child.exitCode === null) await exitWithin((server.child.kill("SIGKILL"), server), 5000);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a second server on the same DATA_DIR at once, writes nothing, and keeps the first one's data", async () => {
    const first = start();
    const url = await ready(first);
    const teacher = await signUpTeacher(url);
    const session = await startSession(url, teacher.cookie);
    const before = await snapshotOf(dataDir);

    const second = start();
    const began = Date.now();
    expect(await exitWithin(second, 10_000)).toBe(1);
    expect(Date.now() - began).toBeLessThan(8000);
    expect(second.output()).toContain(`process ${first.child.pid}`);
    expect(second.output()).toMatch(/another Rostrum server/i);
    expect(await snapshotOf(dataDir)).toEqual(before);
    // The first one still works.
    expect((await fetch(`${url}/teacher/sessions/${session.id}`, { headers: { cookie: teacher.cookie } })).status).toBe(200);

    first.child.kill("SIGTERM");
    expect(await exitWithin(first, 10_000)).toBe(0);
    await expect(stat(path.join(dataDir, "pglite.lock"))).rejects.toThrow(/ENOENT/);

    // The next start sees the teacher and the session.
    const third = start();
    const again = await ready(third);
    const login = await postForm(`${again}/login`, { email: teacher.email, password: "a-long-passphrase" });
    expect(login.status).toBe(302);
    const page = await fetch(`${again}/teacher/sessions/${session.id}`, { headers: { cookie: cookiesOf(login) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(session.code);
  });

  it("takes over a lock whose process no longer runs (a server killed with kill -9)", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    // As that server wrote it, on this machine and in this pid namespace.
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    await writeFile(path.join(dataDir, "pglite.lock"), `${gone.pid}\nboot ${boot} pidns ${readlinkSync("/proc/self/ns/pid")}\n`);

    const server = start();
    await ready(server);
    expect((await readFile(path.join(dataDir, "pglite.lock"), "utf8")).split("\n")[0]).toBe(String(server.child.pid));
    // Stopped cleanly, it leaves no lock that the next test's server, in another pid namespace, would have to wait out.
    server.child.kill("SIGTERM");
    expect(await exitWithin(server, 10_000)).toBe(0);
  });

  it.runIf(canUnshare)("starts again after a kill -9 though the next server gets the same pid, once the lock's heartbeat is old (PID 1 in a container)", async () => {
    const lock = path.join(dataDir, "pglite.lock");
    const crashed = start({}, inPidNamespace);
    await ready(crashed);
    expect((await readFile(lock, "utf8")).split("\n")[0]).toBe("1");
    // The server is unshare's only child; killed as the OOM killer would, it leaves its lock behind.
    process.kill(serverIn(crashed), "SIGKILL");
    await crashed.exited;
    expect((await readFile(lock, "utf8")).split("\n")[0]).toBe("1");

    // Every start is a new pid namespace, as a container's: the killed server's pid means nothing
    // here, so its lock holds until its heartbeat is 20 s old, and the refusal says so.
    const early = start({}, inPidNamespace);
    expect(await exitWithin(early, 30_000)).toBe(1);
    expect(early.output()).toContain("process 1");
    expect(early.output()).toMatch(/clears itself within 20 s/);
    // As a restart policy's next try 20 s later.
    const past = new Date(Date.now() - 21_000);
    await utimes(lock, past, past);
    const restarted = start({}, inPidNamespace);
    const url = await ready(restarted);
    expect((await fetch(`${url}/login`)).status).toBe(200);
    // Stopped cleanly, it leaves no lock for the next test's server, in the host's pid namespace, to wait out.
    process.kill(serverIn(restarted), "SIGTERM");
    await restarted.exited;
    await expect(stat(lock)).rejects.toThrow(/ENOENT/);
  });

  it.each(backends)("shuts down within seconds on SIGTERM though a WebSocket client never answers, closing the database (%s)", async (backend) => {
    const pg = backend === "postgres" ? await freshPostgres() : undefined;
    try {
      const server = start(pg ? { DATABASE_URL: pg.url } : {});
      const { port } = new URL(await ready(server));

      // Upgrades to a WebSocket on Socket.IO's engine.io path, then neither reads nor answers.
      const silent = net.connect(Number(port), "127.0.0.1");
      const upgraded = new Promise<void>((resolve) => silent.once("data", () => resolve()));
      silent.write(
        `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
      await upgraded;
      silent.pause();
      // And an idle keep-alive connection after one answered request.
      const idle = net.connect(Number(port), "127.0.0.1");
      const answered = new Promise<void>((resolve) => idle.once("data", () => resolve()));
      idle.write(`GET /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
      await answered;
      idle.resume();

      const began = Date.now();
      server.child.kill("SIGTERM");
      expect(await exitWithin(server, 8000)).toBe(0);
      expect(Date.now() - began).toBeLessThan(8000);
      expect(server.output()).toContain("Closed every connection and the database.");
      silent.destroy();
      idle.destroy();
    } finally {
      await pg?.drop();
    }
  });
});
