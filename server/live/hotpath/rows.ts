// Raw SQL for the hot path, where one statement does what the query builder cannot (a whole
// batch as one JSON parameter). The two drivers answer `execute` differently: postgres.js with
// an array of rows, PGlite with `{ rows }`.
import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "../../../db/client";

export async function queryRows<T>(executor: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
