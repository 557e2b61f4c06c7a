// Which errors mean "the database is out of reach", and what an error log line may show.
import { describe, expect, it } from "vitest";
import { isUnreachable } from "../../server/databaseHealth";
import { describeError } from "../../server/errorLog";

const connectionError = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code });
const postgresError = (code: string, extra: object = {}) =>
  Object.assign(new Error("boom"), { name: "PostgresError", code, severity: "FATAL", routine: "x", ...extra });
/** As drizzle wraps a driver error: the query, its parameters, and the cause. */
const queryError = (cause: unknown) =>
  Object.assign(new Error(`Failed query: select 1 where email = $1\nparams: ada@school.example`), {
    query: "select 1 where email = $1",
    params: ["ada@school.example"],
    cause,
  });

describe("isUnreachable", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ETIMEDOUT", "EHOSTUNREACH"])("is true for %s", (code) => {
    expect(isUnreachable(queryError(connectionError(code)))).toBe(true);
  });
  it.each(["08006", "08001", "57P01", "57P02", "57P03"])("is true for SQLSTATE %s", (code) => {
    expect(isUnreachable(postgresError(code))).toBe(true);
  });
  it.each(["23505", "22P02", "40001", "57014", "CONNECTION_ENDED", "CONNECTION_DESTROYED"])("is false for %s", (code) => {
    expect(isUnreachable(queryError(Object.assign(new Error("x"), { code })))).toBe(false);
  });
  it("is false for errors that are not the database's", () => {
    expect(isUnreachable(new Error("ECONNREFUSED"))).toBe(false);
    expect(isUnreachable(undefined)).toBe(false);
  });
});

describe("describeError", () => {
  it("shows the query text, SQLSTATE and constraint, and none of the parameters or values", () => {
    const detail = "Key (email)=(ada@school.example) already exists.";
    const line = describeError(queryError(postgresError("23505", { constraint_name: "teachers_email_unique", detail, table_name: "teachers" })));
    expect(line).toContain("select 1 where email = $1");
    expect(line).toContain("SQLSTATE 23505");
    expect(line).toContain("constraint teachers_email_unique");
    expect(line).not.toContain("ada@school.example");
  });
  it("keeps the stack of an error that is a bug", () => {
    expect(describeError(new TypeError("x is undefined"))).toMatch(/TypeError: x is undefined\n\s+at /);
  });
});
