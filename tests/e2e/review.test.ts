// The teacher's review page in real Chromium, after a short session run over sockets: at a
// desktop's width and a phone's (390 px: nothing wider than the screen but the tables, which
// scroll in their own box), printed (every fold open, no buttons or navigation), and switched to
// anonymous labels for the projector. Screenshots go to tests/artifacts/.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, serverAndBrowser } from "../support/browser";
import { signUpTeacher, socketsToClose } from "../support/clients";
import { REVIEW_NAMES, REVIEW_WORDS, runReviewedSession } from "../support/reviewSession";

const executable = chromiumForTests();

/** How far the page reaches past the window's right edge (0: it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** Whether the text is laid out where a reader (or the printer) sees it. */
const showing = (page: Page, text: string) => page.getByText(text).first().evaluate((el) => el.getBoundingClientRect().height > 0);

describe.skipIf(!executable)("the review page in Chromium", () => {
  const env = serverAndBrowser(executable);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  it("reads on a desktop and a phone, prints as a report with every fold open, and anonymises for the projector", { timeout: 120_000 }, async () => {
    const { cookie } = await signUpTeacher(env.server.url, "Ms Review");
    const sockets = socketsToClose();
    const { session, end } = await runReviewedSession(env.server, cookie, sockets.open);
    await end();
    sockets.closeAll();
    const url = `${env.server.url}/teacher/sessions/${session.id}/review`;

    const desk = await newPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 }, timezoneId: "Asia/Phnom_Penh" }, cookie);
    // Hydrated without an error, times switch from the server's UTC to the reader's own zone.
    const errors: string[] = [];
    desk.on("pageerror", (error) => errors.push(error.message));
    desk.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await desk.goto(url);
    await desk.getByRole("heading", { level: 1, name: /^Review: / }).waitFor();
    expect(await overflow(desk)).toBe(0);
    await expect.poll(() => desk.locator(".facts").innerText()).not.toContain("UTC");
    expect(errors).toEqual([]);
    // Folded: a round's speeches open on request, a student's ledger too.
    expect(await showing(desk, REVIEW_WORDS.comment)).toBe(false);
    await desk.getByText(/^Speeches: 2 speeches, 1 scored/).click();
    expect(await showing(desk, REVIEW_WORDS.comment)).toBe(true);
    await desk.getByText(/^Where Sokunthea’s -?\d+ points come from/).click();
    await shot(desk, "review-desktop");

    // Printing opens every fold and folds them back after; on paper there is no button or navigation.
    await desk.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await desk.evaluate(() => [...document.querySelectorAll("details")].every((d) => d.open))).toBe(true);
    await desk.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await desk.evaluate(() => [...document.querySelectorAll("details")].filter((d) => d.open).length)).toBe(2);
    await desk.emulateMedia({ media: "print" });
    expect(await showing(desk, REVIEW_WORDS.answer)).toBe(true);
    expect(await desk.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await desk.getByRole("navigation", { name: "Names on this page" }).isVisible()).toBe(false);
    await shot(desk, "review-print");
    const pdf = await desk.pdf({ format: "A4", path: path.join(artifacts, "review.pdf") });
    expect(pdf.length).toBeGreaterThan(10_000);
    await desk.emulateMedia({ media: "screen" });

    // A phone's width: only the tables scroll, inside their own boxes.
    const phone = await newPage(env.browser, env.server.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, cookie);
    await phone.goto(url);
    await phone.getByRole("heading", { level: 1, name: /^Review: / }).waitFor();
    expect(await overflow(phone)).toBe(0);
    await shot(phone, "review-phone");

    // The switch to anonymous labels loads the page anew: labels in join order, no name at all.
    await desk.getByRole("link", { name: /Anonymous labels/ }).click();
    await desk.waitForURL(/names=anonymous$/);
    await desk.getByText("Anonymous labels, in the order students joined").waitFor();
    const content = await desk.content();
    for (const name of REVIEW_NAMES) expect(content).not.toContain(name);
    expect(await desk.getByRole("link", { name: /Anonymous labels/ }).getAttribute("aria-current")).toBe("page");
    await shot(desk, "review-anonymous");
  });
});
