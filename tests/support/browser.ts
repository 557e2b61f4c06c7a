// Finds the system's Chromium for end-to-end tests. Browsers are never downloaded: without one
// the tests skip with a reason, unless REQUIRE_E2E=1 (CI), where a missing browser fails.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./server";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return candidates.find((p) => existsSync(p));
}

export const e2eRequired = process.env.REQUIRE_E2E === "1";

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    // The machine's network is closed: background services would only fail and slow the start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Gives a browser the cookies of a `Cookie` header (`a=1; b=2`), as if it had been sent them. */
export function addCookieHeader(context: BrowserContext, url: string, cookieHeader: string) {
  const pairs = cookieHeader.split("; ").filter(Boolean);
  return context.addCookies(pairs.map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url })));
}

/** A 360 px phone, as students hold them. */
export const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * A page in a browser context of its own (its own cookie jar), holding the cookies of a Cookie
 * header for `url` when given. Steps fail after 10 s, well inside a test's own time limit.
 */
export async function newPage(browser: Browser, url: string, options: BrowserContextOptions = {}, cookieHeader?: string): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  if (cookieHeader) await addCookieHeader(context, url, cookieHeader);
  return context.newPage();
}

export const artifacts = path.resolve("tests/artifacts");

/** The Chromium a browser suite drives, or undefined (after saying why) when the suite must skip. */
export function chromiumForTests(): string | undefined {
  const executable = findChromium();
  if (!executable) {
    const reason = "no Chromium found (set CHROMIUM_PATH or install Debian's chromium package)";
    if (e2eRequired) throw new Error(`REQUIRE_E2E=1 but ${reason}`);
    console.warn(`Skipping end-to-end tests: ${reason}.`);
  }
  return executable;
}

/** Inside a suite: a real server on PGlite and Chromium, started before its tests and closed after. */
export function serverAndBrowser(executable: string | undefined) {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    [env.server, env.browser] = await Promise.all([startServer("pglite"), launchChromium(executable!)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
