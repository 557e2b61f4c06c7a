// Bad input of every kind, sent to every page: each gets a specific 4xx answer a person can read
// (400, 404, 405, 413, 415), never a 500, and nothing is stored.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { participants, sessions, teachers } from "../../db/schema";
import { projectRoot } from "../../server/app";
import { signUpTeacher, startSession } from "../support/clients";
import { rawRequest, type RawAnswer } from "../support/http";
import { backends, startServer, type TestServer } from "../support/server";

const missingId = "00000000-0000-4000-8000-000000000000";
/** An address for every route module; a new route without one fails the first test. */
const samplePaths: Record<string, (s: { id: string; code: string }) => string> = {
  "_index.tsx": () => "/",
  "join.tsx": () => "/join",
  "join.$code.tsx": ({ code }) => `/join/${code}`,
  "login.tsx": () => "/login",
  "logout.tsx": () => "/logout",
  "signup.tsx": () => "/signup",
  "play.$code.tsx": ({ code }) => `/play/${code}`,
  "play.$code_.review.tsx": ({ code }) => `/play/${code}/review`,
  "rejoin.$code.tsx": ({ code }) => `/rejoin/${code}`,
  "projector.$sessionId.tsx": ({ id }) => `/projector/${id}`,
  "teacher._index.tsx": () => "/teacher",
  "teacher.import.tsx": () => "/teacher/import",
  "teacher.scenarios.$scenarioId.tsx": () => "/teacher/scenarios/mending-ties",
  "teacher.sessions.$sessionId.tsx": ({ id }) => `/teacher/sessions/${id}`,
  "teacher.sessions.$sessionId_.delete.tsx": ({ id }) => `/teacher/sessions/${id}/delete`,
  "teacher.sessions.$sessionId_.review.tsx": ({ id }) => `/teacher/sessions/${id}/review`,
  "teacher.sessions.$sessionId.export.$file.tsx": ({ id }) => `/teacher/sessions/${id}/export/standings.csv`,
};
const routeFiles = readdirSync(path.join(projectRoot, "app/routes"));

describe.each(backends)("bad input on %s", (backend) => {
  let server: TestServer;
  let cookie: string;
  let paths: string[];
  beforeAll(async () => {
    server = await startServer(backend);
    ({ cookie } = await signUpTeacher(server.url));
    const session = await startSession(server.url, cookie);
    paths = routeFiles.map((file) => samplePaths[file]?.(session) ?? `(no sample for ${file})`);
  });
  afterAll(async () => server?.close());

  const send = (p: string, method: string, headers: Record<string, string> = {}, body?: string | Buffer) =>
    rawRequest(`${server.url}${p}`, { method, headers: { cookie, ...headers }, body });
  const rowCounts = async () => {
    const db = server.database.db;
    return [(await db.select().from(sessions)).length, (await db.select().from(participants)).length, (await db.select().from(teachers)).length];
  };
  const expectPage = (answer: RawAnswer, status: number, label: string) => {
    expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBe(status);
    expect(answer.headers["content-type"], label).toMatch(/^text\/html/);
  };

  it("knows an address for every route", () => {
    expect(paths.filter((p) => p.startsWith("(no sample"))).toEqual([]);
  });

  it("logs nothing as a failure when a page without a form is posted to", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await send(`/projector/${missingId}`, "POST", { "content-type": "application/x-www-form-urlencoded" }, "a=b");
      expect(answer.status).toBe(405);
      expect(logged.mock.calls.map((args) => args.join(" "))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });

  it("answers other methods with 405 and Allow", async () => {
    for (const p of paths)
      for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const answer = await send(p, method, { "content-type": "application/json" }, '{"name":"x"}');
        expectPage(answer, 405, `${method} ${p}`);
        expect(answer.headers.allow).toBe("GET, HEAD, POST");
      }
  });

  it("answers bodies that are not forms with 415, and stores nothing", async () => {
    const before = await rowCounts();
    for (const p of paths) {
      expectPage(await send(p, "POST", { "content-type": "application/json" }, '{"name":"x","code":"ABCDEF"}'), 415, `json ${p}`);
      expectPage(await send(p, "POST", { "content-type": "text/plain" }, "name=x"), 415, `text ${p}`);
      expectPage(await send(p, "POST", {}, "name=x"), 415, `no type ${p}`);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a NUL in a form field or the address with 400, and stores nothing", async () => {
    const before = await rowCounts();
    const multipart = Buffer.from('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nNu\u0000l\r\n--b--\r\n');
    for (const p of paths) {
      // Each page in its own encoding: the import page sends multipart, every other form URL-encoded.
      const nul =
        p === "/teacher/import"
          ? await send(p, "POST", { "content-type": "multipart/form-data; boundary=b" }, multipart)
          : await send(p, "POST", { "content-type": "application/x-www-form-urlencoded" }, "name=Nu%00l&email=a%00@b.example&scenarioId=mending%00ties&code=AB%00CDE");
      expectPage(nul, 400, `NUL in a form to ${p}`);
      expectPage(await send(`${p}%00`, "GET"), 400, `path ${p}`);
    }
    expectPage(await send("/join?code=AB%00CDE", "GET"), 400, "query");
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a form in another page's encoding with 415, malformed multipart included, and stores nothing", async () => {
    const before = await rowCounts();
    for (const p of paths) {
      if (p === "/teacher/import") continue;
      for (const body of ["garbage", '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nDara'])
        expectPage(await send(p, "POST", { "content-type": "multipart/form-data; boundary=b" }, body), 415, `multipart to ${p}`);
    }
    expectPage(await send("/teacher/import", "POST", { "content-type": "application/x-www-form-urlencoded" }, "text=x"), 415, "URL-encoded import");
    expect(await rowCounts()).toEqual(before);
  });

  it("answers ids and codes that cannot exist with 404", async () => {
    for (const p of ["/teacher/sessions/not-a-uuid", "/projector/not-a-uuid", "/teacher/sessions/1", `/teacher/sessions/${missingId}`, `/teacher/sessions/${missingId}/delete`])
      expectPage(await send(p, "GET"), 404, p);
    for (const p of ["/play/!!!", "/play/ABC", "/play/0OI1LZ", `/play/${"A".repeat(500)}`, "/rejoin/!!!", "/rejoin/ZZZZZZ"]) expectPage(await send(p, "GET"), 404, p);
    // Percent-encoding that decodes to nothing: an address nobody can read.
    for (const p of paths) expectPage(await send(`${p}%E2%82`, "GET"), 400, `${p}%E2%82`);
  });

  it("refuses a version id beyond the database's integers on the start form", async () => {
    const before = await rowCounts();
    for (const versionId of [String(2 ** 31), "99999999999999999999", "1e400"]) {
      const answer = await send("/teacher/scenarios/mending-ties", "POST", { "content-type": "application/x-www-form-urlencoded" }, new URLSearchParams({ scenarioId: "mending-ties", capacity: "20", versionId }).toString());
      expect(answer.status, versionId).toBe(200);
      expect(answer.text).toMatch(/does not exist|expected number|too big/i);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a malformed upload with 400", async () => {
    for (const body of ['--b\r\nContent-Disposition: form-data; name="file"; filename="a.yaml"\r\n\r\nno closing boundary', "not multipart at all"]) {
      const answer = await send("/teacher/import", "POST", { "content-type": "multipart/form-data; boundary=b" }, body);
      expect(answer.status, body).toBe(400);
    }
    const noBoundary = await send("/teacher/import", "POST", { "content-type": "multipart/form-data" }, "x");
    expect(noBoundary.status).toBe(400);
  });
});
