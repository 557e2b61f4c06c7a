// Cross-site hijacking in real Chromium: the teacher is logged in, and a page served from another
// port of the same host (a sibling subdomain in a school) tries to use the teacher's cookie, which
// SameSite=Lax still sends there. Its socket (WebSocket, or JSONP polling from a <script> tag,
// which sends no Origin) and its form post are refused; nothing changes; the app's own pages keep
// working.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { projectRoot } from "../../server/app";
import { e2eRequired, findChromium, launchChromium } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

const executable = findChromium();
if (!executable && e2eRequired) throw new Error("REQUIRE_E2E=1 but no Chromium found (set CHROMIUM_PATH or install Debian's chromium package)");

const socketClient = readFileSync(path.join(projectRoot, "node_modules/socket.io-client/dist/socket.io.min.js"));

/** The other site: a page that opens a host socket and a form that starts a session, both aimed at the app. */
function attackerPage(appUrl: string, sessionId: string) {
  return `<!doctype html><html lang="en"><head><title>Free quiz answers</title><script src="/socket.io.min.js"></script></head><body>
<form method="post" action="${appUrl}/teacher"><input name="scenarioId" value="mending-ties"><input name="capacity" value="5"><button>Win</button></form>
<p id="socket">trying</p>
<script>
  const socket = io(${JSON.stringify(appUrl)}, { auth: { role: "host", sessionId: ${JSON.stringify(sessionId)} }, transports: ["websocket"], reconnection: false });
  const show = (text) => { document.getElementById("socket").textContent = text; };
  socket.on("connect", async () => {
    const roster = await socket.emitWithAck("session:snapshot", {});
    const ended = await socket.emitWithAck("session:end", {});
    show("connected: " + JSON.stringify(roster).length + " bytes of roster, end " + JSON.stringify(ended));
  });
  socket.on("connect_error", (error) => show("refused: " + error.message));
</script>
<p id="jsonp">trying</p>
<script>
  // JSONP polling: a script tag sends the teacher's cookie but no Origin header.
  window.___eio = [(packet) => { document.getElementById("jsonp").textContent = "handshake " + String(packet).slice(0, 2); }];
</script>
<script src="${appUrl}/socket.io/?EIO=4&transport=polling&j=0" onerror="document.getElementById('jsonp').textContent = 'refused'"></script>
</body></html>`;
}

describe.skipIf(!executable)("cross-origin requests in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let attacker: http.Server;
  let sessionId = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer("pglite"), launchChromium(executable!)]);
    attacker = http.createServer((req, res) => {
      if (req.url === "/socket.io.min.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(socketClient);
      res.writeHead(200, { "content-type": "text/html" }).end(attackerPage(server.url, sessionId));
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.close();
  });

  it("refuses another site's socket and form post, and keeps the app's own working", { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const teacher = await context.newPage();
    await teacher.goto(`${server.url}/signup`);
    await teacher.getByLabel("Your name").fill("Ms Dara");
    await teacher.getByLabel("Email").fill("dara@school.example");
    await teacher.getByLabel("Password").fill("a-long-passphrase");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await teacher.waitForURL(/\/teacher$/);
    await teacher.locator('[aria-labelledby="scenario-conditioned-engagement"]').getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    sessionId = teacher.url().split("/").pop()!;
    await teacher.getByText("Live", { exact: true }).waitFor();
    const sessionCount = (await server.database.db.select().from(sessions)).length;

    // Same browser, same cookie jar: the other port's page.
    const evil = await context.newPage();
    await evil.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect.poll(() => evil.locator("#socket").innerText()).toMatch(/^(refused|connected)/);
    expect(await evil.locator("#socket").innerText()).toMatch(/^refused/);
    await expect.poll(() => evil.locator("#jsonp").innerText()).not.toBe("trying");
    expect(await evil.locator("#jsonp").innerText()).toBe("refused");

    const [post] = await Promise.all([evil.waitForResponse((r) => r.request().method() === "POST"), evil.getByRole("button", { name: "Win" }).click()]);
    expect(post.status()).toBe(403);
    await evil.getByText("sent from another site").waitFor();

    const [row] = await server.database.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(row.status).not.toBe("ended");
    expect((await server.database.db.select().from(sessions)).length).toBe(sessionCount);

    // The app's own pages: the console's socket is live, and its forms still post.
    await teacher.reload();
    await teacher.getByText("Live", { exact: true }).waitFor();
    await teacher.goto(`${server.url}/teacher`);
    await teacher.locator('[aria-labelledby="scenario-mending-ties"]').getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    expect((await server.database.db.select().from(sessions)).length).toBe(sessionCount + 1);
  });
});
