// A query that fails with personal data in its parameters (a teacher's email and password hash)
// is reported through the one path socket commands use, `failure`: the log says what failed
// (kind, SQLSTATE, constraint, the query text) and none of the data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { teachers } from "../../db/schema";
import { failure } from "../../server/live/errors";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("error log on %s", (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(() => server?.close());

  it("logs a failed query without its parameters", async () => {
    const teacher = { name: "Ms Secret", email: "secret.teacher@school.example", passwordHash: "scrypt$c2VjcmV0LXNhbHQ$aGFzaC10aGF0LW11c3Qtbm90LWxlYWs" };
    await server.database.db.insert(teachers).values(teacher);
    const error = await server.database.db
      .insert(teachers)
      .values(teacher)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();

    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    let ack;
    try {
      ack = failure(error);
    } finally {
      spy.mockRestore();
    }
    expect(ack).toEqual({ ok: false, error: { code: "internal", message: expect.any(String) } });
    const log = lines.join("\n");
    for (const secret of [teacher.email, teacher.passwordHash, "params"]) expect(log).not.toContain(secret);
    expect(log).toContain('insert into "teachers"');
    expect(log).toContain("SQLSTATE 23505");
    expect(log).toMatch(/constraint teachers_email_\w+/);
  });
});
