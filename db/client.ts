// The one database client. Embedded PGlite (files under DATA_DIR, or in memory for tests)
// unless a PostgreSQL URL is given; both run the same drizzle-kit migrations at open.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  backend: "pglite" | "postgres";
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export type DatabaseOptions =
  | { backend: "postgres"; url: string; maxConnections?: number }
  /** `dataDir` undefined keeps the database in memory. */
  | { backend: "pglite"; dataDir?: string };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.backend === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // A short connect timeout: while the database is out of reach a request fails in seconds, not 30.
    const client = postgres(options.url, { max: options.maxConnections ?? 10, connect_timeout: 5, onnotice: () => {} });
    const db = drizzle(client, { schema });
    try {
      await migrate(db, { migrationsFolder });
    } catch (error) {
      await client.end();
      throw error;
    }
    return { db: db as unknown as Database, backend: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, backend: "pglite", close: () => client.close() };
}

/** Postgres reports a broken unique constraint as SQLSTATE 23505; drizzle wraps the driver's error. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: any = error; e; e = e.cause) {
    if (e.code === "23505") return e.constraint_name ?? e.constraint ?? "unique";
  }
  return undefined;
}
