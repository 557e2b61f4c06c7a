// Romanized Khmer names are long. On every screen (the console at 1280 px and 360 px, the
// projector, a 360 px phone) a 30-character name wraps inside its own card: nothing scrolls
// sideways, nothing spills over a neighbour, and each student's Move button is that student's.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eRequired, findChromium, launchChromium, newPage, phone } from "../support/browser";
import { connect, cookiesOf, postForm, send, signUpTeacher, startSession } from "../support/clients";
import { startServer, type TestServer } from "../support/server";

const executable = findChromium();
if (!executable && e2eRequired) throw new Error("REQUIRE_E2E=1 but no Chromium found (set CHROMIUM_PATH or install Debian's chromium package)");

const LONG = ["Sovannarathanakvisalsokunthear", "W".repeat(30), "Chanthavysokunthearavisalnary", "Dara"];
const artifacts = path.resolve("tests/artifacts");

/** Everything that could go wrong with a long name on the page, as numbers and names. */
async function layoutProblems(page: Page, nameSelector: string, boxSelector: string) {
  return page.evaluate(
    ([nameSel, boxSel]) => {
      const problems: string[] = [];
      if (!document.querySelector(nameSel)) problems.push(`no names found at ${nameSel}`);
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      for (const name of document.querySelectorAll<HTMLElement>(nameSel)) {
        const box = name.closest<HTMLElement>(boxSel);
        if (!box) continue;
        const [n, b] = [name.getBoundingClientRect(), box.getBoundingClientRect()];
        if (n.right > b.right + 0.5 || n.left < b.left - 0.5) problems.push(`"${name.textContent}" spills out of its box`);
      }
      // Each Move button, clicked at its centre, is the button that gets the click.
      for (const button of document.querySelectorAll<HTMLElement>("button")) {
        if (!/^Move /.test(button.textContent ?? "")) continue;
        button.scrollIntoView({ block: "center" });
        const r = button.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !button.contains(hit)) problems.push(`clicking "${button.textContent}" hits something else`);
      }
      return problems;
    },
    [nameSelector, boxSelector] as const,
  );
}

describe.skipIf(!executable)("long names in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer("pglite"), launchChromium(executable!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageWith = (cookie: string, viewport: { width: number; height: number }) => newPage(browser, server.url, { viewport }, cookie);

  it("wraps 30-character names on the console, the projector and a phone", { timeout: 60_000 }, async () => {
    const teacher = await signUpTeacher(server.url);
    const session = await startSession(server.url, teacher.cookie);
    const seats: string[] = [];
    for (const name of LONG) seats.push(cookiesOf(await postForm(`${server.url}/join`, { code: session.code, name })));
    const host = await connect(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    const view = await send(host, "session:snapshot", {});
    if (!view.ok || view.data.audience !== "host") throw new Error("no host view");
    // Two long names share a side; one waits without a side.
    for (const [i, p] of view.data.participants.entries())
      if (i < 3) await send(host, "lobby:moveParticipant", { participantId: p.id, sideId: i < 2 ? "cnrp" : "rgc-cpp" });
    host.close();

    for (const width of [1280, 360]) {
      const consolePage = await pageWith(teacher.cookie, { width, height: 900 });
      await consolePage.goto(`${server.url}/teacher/sessions/${session.id}`);
      await consolePage.getByRole("button", { name: `Move ${LONG[1]}`, exact: true }).waitFor();
      expect(await layoutProblems(consolePage, ".roster .person-name", "li"), `console at ${width} px`).toEqual([]);
      await consolePage.screenshot({ path: path.join(artifacts, `long-names-console-${width}.png`), fullPage: true });
    }

    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const projector = await pageWith(teacher.cookie, viewport);
      await projector.goto(`${server.url}/projector/${session.id}`);
      await projector.getByText(LONG[1]).waitFor();
      expect(await layoutProblems(projector, ".side .person-name", "section"), `projector at ${viewport.width} px`).toEqual([]);
      await projector.screenshot({ path: path.join(artifacts, `long-names-projector-${viewport.width}.png`) });
    }

    const phonePage = await newPage(browser, server.url, phone, seats[1]);
    await phonePage.goto(`${server.url}/play/${session.code}`);
    await phonePage.getByRole("heading", { name: /^Your side: / }).waitFor();
    expect(await layoutProblems(phonePage, ".person-name", "p"), "phone at 360 px").toEqual([]);
    await phonePage.screenshot({ path: path.join(artifacts, "long-names-phone-360.png") });
  });
});
