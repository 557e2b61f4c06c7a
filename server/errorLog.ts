// The one way the server logs an error it did not expect. Database errors carry what a query was
// given (drizzle's message ends in "params: …": a teacher's email and password hash, rejoin-token
// hashes) and PostgreSQL's messages and details can quote values too, so for those only the kind,
// SQLSTATE, constraint and the query text are printed. Other errors are bugs: their stack helps.

type Described = Record<string, unknown>;

/** drizzle's DrizzleQueryError wraps the driver's error with the query and its parameters. */
const isQueryError = (e: Described) => typeof e.query === "string" && "params" in e;
/** PostgreSQL errors from postgres.js (PostgresError) and PGlite (DatabaseError) carry a SQLSTATE. */
const isDatabaseError = (e: Described) => typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && ("severity" in e || "routine" in e);

function describeOne(e: Described): string {
  const name = typeof e.name === "string" ? e.name : "Error";
  // First: PGlite's database errors carry `query` and `params` too.
  if (isDatabaseError(e)) {
    const parts = [`${name} SQLSTATE ${e.code}`];
    const constraint = e.constraint_name ?? e.constraint;
    if (constraint) parts.push(`constraint ${String(constraint)}`);
    const table = e.table_name ?? e.table;
    if (table) parts.push(`table ${String(table)}`);
    return parts.join(", ");
  }
  if (isQueryError(e)) return `query failed: ${String(e.query).replace(/\s+/g, " ")}`;
  // Connection errors (ECONNREFUSED, CONNECTION_CLOSED…) name the address, never data.
  if (typeof e.code === "string") return `${name} ${e.code}${typeof e.message === "string" ? `: ${e.message}` : ""}`;
  return typeof e.stack === "string" ? e.stack : `${name}: ${String(e.message)}`;
}

/** A one-line-per-cause account of `error` that holds no query parameters or values. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (typeof e !== "object") {
      lines.push(String(e));
      break;
    }
    lines.push(describeOne(e as Described));
    e = (e as Described).cause;
  }
  return lines.join("\n  caused by: ");
}

export function logError(what: string, error: unknown) {
  console.error(`${what}: ${describeError(error)}`);
}
