// A database outage as people see it, in real Chromium on PostgreSQL behind a TCP proxy that is
// cut and restored: the teacher's console shows a banner, a student's phone says their actions
// are not being saved, a join submitted meanwhile explains itself, and all of it clears by itself.
// PostgreSQL only: embedded PGlite runs inside the server and cannot become unreachable.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eRequired, findChromium, launchChromium, newPage, phone } from "../support/browser";
import { signUpTeacher, startSession } from "../support/clients";
import { startServer, type TestServer } from "../support/server";
import { startTcpProxy, throughProxy, type TcpProxy } from "../support/tcpProxy";

const executable = findChromium();
const admin = process.env.TEST_DATABASE_URL;
if (!executable && e2eRequired) throw new Error("REQUIRE_E2E=1 but no Chromium found (set CHROMIUM_PATH or install Debian's chromium package)");
if (!admin) console.log("e2e/outage.test.ts: skipped, it needs PostgreSQL (TEST_DATABASE_URL); PGlite cannot become unreachable.");

const artifacts = path.resolve("tests/artifacts");

describe.runIf(executable && admin)("a database outage in Chromium", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    const target = new URL(admin!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    [server, browser] = await Promise.all([
      startServer("postgres", { databaseUrl: throughProxy(proxy) }),
      launchChromium(executable!),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  const pageWith = (options = {}, cookie?: string) => newPage(browser, server.url, options, cookie);

  it("shows the outage to the teacher and the students, and clears it when the database is back", { timeout: 60_000 }, async () => {
    const teacher = await signUpTeacher(server.url);
    const session = await startSession(server.url, teacher.cookie);
    const console_ = await pageWith({ viewport: { width: 1280, height: 900 } }, teacher.cookie);
    await console_.goto(`${server.url}/teacher/sessions/${session.id}`);
    await console_.getByText("Live", { exact: true }).waitFor();

    const student = await pageWith(phone);
    await student.goto(`${server.url}/join`);
    await student.getByLabel("Join code").fill(session.code);
    await student.getByLabel("Your name").fill("Sokha");
    await student.getByRole("button", { name: "Join" }).click();
    await student.waitForURL(new RegExp(`/play/${session.code}$`));
    await student.getByText("Live", { exact: true }).waitFor();

    const late = await pageWith(phone);
    await late.goto(`${server.url}/join`);
    await late.getByLabel("Join code").fill(session.code);
    await late.getByLabel("Your name").fill("Vanna");

    await proxy.cut();
    // The join submitted now finds the outage and says so.
    await late.getByRole("button", { name: "Join" }).click();
    await late.getByText("The server cannot reach its database").waitFor();
    await late.screenshot({ path: path.join(artifacts, "outage-join.png") });

    const banner = console_.getByRole("status").filter({ hasText: "Changes you make now are not saved." });
    await banner.waitFor();
    expect(await banner.innerText()).toContain("The server cannot reach its database.");
    const notice = student.getByRole("status").filter({ hasText: "Your actions are not being saved right now." });
    await notice.waitFor();
    await console_.screenshot({ path: path.join(artifacts, "outage-console.png") });
    await student.screenshot({ path: path.join(artifacts, "outage-student.png") });

    await proxy.restore();
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
    await late.goto(`${server.url}/join`);
    await late.getByLabel("Join code").fill(session.code);
    await late.getByLabel("Your name").fill("Vanna");
    await late.getByRole("button", { name: "Join" }).click();
    await late.waitForURL(new RegExp(`/play/${session.code}$`));
    await expect.poll(() => console_.locator("li", { hasText: "Vanna" }).count()).toBeGreaterThan(0);
  });
});
