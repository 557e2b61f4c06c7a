// The door of the HTTP server: another site's page cannot post a form or open a socket with the
// teacher's cookie, and no body is read past its limit, declared or chunked.
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, sessions } from "../../db/schema";
import { connect, postForm, refusal, signUpTeacher, startSession } from "../support/clients";
import { rawRequest, streamUpload } from "../support/http";
import { backends, startServer, type TestServer } from "../support/server";

describe.each(backends)("HTTP guards on %s", (backend) => {
  let server: TestServer;
  let teacher: { cookie: string };
  beforeAll(async () => {
    server = await startServer(backend);
    teacher = await signUpTeacher(server.url);
  });
  afterAll(async () => server?.close());

  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    rawRequest(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: teacher.cookie, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const sessionRows = async () => (await server.database.db.select().from(sessions)).length;

  it("refuses form posts from another origin with a readable 403 and changes nothing", async () => {
    const port = Number(new URL(server.url).port);
    const before = await sessionRows();
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, "null", "http://evil.example"]) {
      const answer = await form("/teacher", { scenarioId: "mending-ties", capacity: "20" }, { origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.text).toContain("sent from another site");
    }
    expect(await sessionRows()).toBe(before);

    // The app's own page, and clients that send no Origin, still work.
    expect((await form("/teacher", { scenarioId: "mending-ties", capacity: "20" }, { origin: server.url })).status).toBe(302);
    expect((await form("/teacher", { scenarioId: "mending-ties", capacity: "20" })).status).toBe(302);
    expect(await sessionRows()).toBe(before + 2);
  });

  it("refuses a socket from another origin, even with the teacher's cookie", async () => {
    const { id } = await startSession(server.url, teacher.cookie);
    const port = Number(new URL(server.url).port);
    const foreign = await refusal(server.url, { role: "host", sessionId: id }, teacher.cookie, { origin: `http://127.0.0.1:${port + 1}` });
    expect(foreign).toBeDefined();
    expect(await refusal(server.url, { role: "host", sessionId: id }, teacher.cookie, { origin: "null" })).toBeDefined();
    const own = await connect(server.url, { role: "host", sessionId: id }, teacher.cookie, { origin: server.url });
    own.close();
  });

  it("refuses what a browser marks as another site's even without an Origin, and JSONP polling", async () => {
    const poll = (query: string, headers: Record<string, string>) =>
      rawRequest(`${server.url}/socket.io/?EIO=4&transport=polling${query}`, { method: "GET", headers: { cookie: teacher.cookie, ...headers } });
    // A <script> or <img> on another site's page: no Origin, but the browser says where it came from.
    for (const site of ["same-site", "cross-site"]) expect((await poll("", { "sec-fetch-site": site })).status, site).toBe(400);
    expect((await poll("&j=0", { "sec-fetch-site": "same-origin" })).status, "jsonp").toBe(400);
    const own = await poll("", { "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
    expect(own.text).toMatch(/^0\{"sid"/);
    // A connection our page opened is not another site's to use: every later poll and post is checked too.
    const sid = JSON.parse(own.text.slice(1)).sid as string;
    const foreign = { origin: `http://127.0.0.1:${Number(new URL(server.url).port) + 1}` };
    expect((await poll(`&sid=${sid}`, foreign)).status, "foreign poll").toBe(400);
    const post = await rawRequest(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: "POST",
      headers: { cookie: teacher.cookie, "content-type": "text/plain;charset=UTF-8", ...foreign },
      body: "40",
    });
    expect(post.status, "foreign post").toBe(400);
    const before = await sessionRows();
    expect((await form("/teacher", { scenarioId: "mending-ties", capacity: "20" }, { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect(await sessionRows()).toBe(before);
  });

  it("answers 413 to an oversized declared body without reading it", async () => {
    const total = 200 * 1024 * 1024;
    const answer = await streamUpload(`${server.url}/login`, total, true);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("larger than this page accepts");
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 10);
  });

  it("does not invite an oversized body that asks first (Expect: 100-continue), and does invite one within the limit", async () => {
    const ask = (length: number) =>
      new Promise<{ status: number; invited: boolean }>((resolve, reject) => {
        let invited = false;
        const req = http.request(`${server.url}/join`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(length), expect: "100-continue" },
          agent: false,
        });
        req.on("continue", () => {
          invited = true;
          req.end("x".repeat(length));
        });
        req.on("response", (res) => {
          res.resume();
          resolve({ status: res.statusCode!, invited });
          req.destroy();
        });
        req.on("error", reject);
        req.flushHeaders();
      });
    expect(await ask(300 * 1024)).toEqual({ status: 413, invited: false });
    expect((await ask(100)).invited).toBe(true);
  });

  it("lets a scenario file past the forms' limit reach the import page, which explains its own limit", async () => {
    const file = (size: number, path = "/teacher/import") => {
      const body = Buffer.from(
        `--b\r\nContent-Disposition: form-data; name="file"; filename="pack.yaml"\r\nContent-Type: application/x-yaml\r\n\r\n${"#".repeat(size)}\r\n--b--\r\n`,
      );
      return rawRequest(`${server.url}${path}`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=b", cookie: teacher.cookie }, body });
    };
    // 600 KB: over a form's 64 KB, within the import's request limit, over the file's 512 KB.
    const big = await file(600 * 1024);
    expect(big.status).toBe(413);
    expect(big.text).toContain("The file is larger than 512 KB");
    // 200 KB of comments: the page reads it and checks it as a scenario, at whichever address
    // Remix opened the page (its form posts back there).
    for (const path of ["/teacher/import", "/teacher/import/", "/Teacher/Import"]) {
      const read = await file(200 * 1024, path);
      expect(read.status, path).toBe(400);
      expect(read.text, path).toContain("pack.yaml");
    }
  });

  it("answers 413 to an oversized chunked body once it passes the limit", async () => {
    const total = 200 * 1024 * 1024;
    const { code } = await startSession(server.url, teacher.cookie);
    const before = (await server.database.db.select().from(participants)).length;
    const answer = await streamUpload(`${server.url}/join?code=${code}`, total, false);
    expect(answer.status).toBe(413);
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 10);
    expect((await server.database.db.select().from(participants)).length).toBe(before);
    // The import allows more, but not without bound.
    const upload = await streamUpload(`${server.url}/teacher/import`, 8 * 1024 * 1024, false, "multipart/form-data; boundary=x");
    expect(upload.status).toBe(413);
  });

  it("still takes a form within its limit, chunked or from Remix's client-side posts", async () => {
    const { code } = await startSession(server.url, teacher.cookie);
    const chunked = await rawRequest(`${server.url}/join`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      body: new URLSearchParams({ code, name: "Chunked Chea" }).toString(),
    });
    expect(chunked).toMatchObject({ status: 302, headers: { location: `/play/${code}` } });
    // A client-side navigation posts to `<route>.data` with the same form encoding.
    const data = await postForm(`${server.url}/join.data`, { code, name: "Single Fetch" });
    expect(data.status).toBeLessThan(400);
    const names = (await server.database.db.select().from(participants)).map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(["Chunked Chea", "Single Fetch"]));
    const sameRow = await server.database.db.select().from(participants).where(eq(participants.displayName, "Single Fetch"));
    expect(sameRow).toHaveLength(1);
  });
});
