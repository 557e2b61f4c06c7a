// A real Rostrum server for tests: the production build, a random port, and a fresh database
// (in-memory PGlite, or a new PostgreSQL database per server when TEST_DATABASE_URL is set).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from "../../db/client";
import { createRostrum, projectRoot, type Rostrum, type RostrumOptions } from "../../server/app";

export type Backend = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestServer = { url: string; rostrum: Rostrum; database: DatabaseHandle; close(): Promise<void> };

/** A new, empty PostgreSQL database on TEST_DATABASE_URL's server (or `admin`'s), and a way to drop it. */
export async function freshPostgres(admin = process.env.TEST_DATABASE_URL!, prefix = "rostrum_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(admin, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/** A database that outlives its server: stop one server and start another on it, as a restart does. */
export async function durableDatabase(backend: Backend): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  if (backend === "postgres") {
    const pg = await freshPostgres();
    return { options: { backend, url: pg.url, maxConnections: 5 }, drop: pg.drop };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "rostrum-restart-"));
  return { options: { backend, dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

async function loadBuild(): Promise<ServerBuild> {
  const file = path.join(projectRoot, "build/server/index.js");
  if (!existsSync(file)) throw new Error("No build found: `npm test` builds first; when running vitest alone, run `npm run build`.");
  return import(pathToFileURL(file).href);
}

type ServerOptions = Pick<RostrumOptions, "contentDir" | "log" | "signupCode" | "trustProxy"> & {
  /** The address the server uses for its PostgreSQL database (to put a proxy in between). */
  databaseUrl?: (url: string) => string;
  /** An existing database (see durableDatabase), kept when the server closes; `backend` is then ignored. */
  database?: DatabaseOptions;
  /** The cookie secret: the same one across a restart keeps the teacher's cookie valid. */
  secret?: string;
};

export async function startServer(
  backend: Backend,
  { databaseUrl = (url) => url, database: existing, secret = randomBytes(32).toString("hex"), ...options }: ServerOptions = {},
): Promise<TestServer> {
  const pg = backend === "postgres" && !existing ? await freshPostgres() : undefined;
  const database = existing
    ? await openDatabase(existing)
    : pg
      ? await openDatabase({ backend: "postgres", url: databaseUrl(pg.url), maxConnections: 5 })
      : await openDatabase({ backend: "pglite" });
  const rostrum = await createRostrum({ database, secret, build: await loadBuild(), log: () => {}, ...options });
  const { port } = await rostrum.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    rostrum,
    database,
    async close() {
      await rostrum.close();
      await pg?.drop();
    },
  };
}
