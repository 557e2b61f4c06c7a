// A student's own review on a 360 px phone in real Chromium, with JavaScript and without it (it
// is a record, so it must read the same either way): it fits the phone's width, hydrates without
// an error, and the live page leads to it. Screenshots go to tests/artifacts/.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";
import { socketsToClose } from "../support/clients";
import { must } from "../support/debate";
import { SAID, scoredClass } from "../support/scoredClass";

const executable = chromiumForTests();

describe.skipIf(!executable)("a student's own review in Chromium", () => {
  const env = serverAndBrowser(executable);
  const { open, closeAll } = socketsToClose();
  afterAll(closeAll);

  const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it("reads on a 360 px phone, with and without JavaScript, and is one tap from the live page", { timeout: 90_000 }, async () => {
    const { session, host, students } = await scoredClass(env.server, open);
    const { cookie } = students.Ranya;

    const errors: string[] = [];
    const phoneWithJs = await newPage(env.browser, env.server.url, phone, cookie);
    phoneWithJs.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    phoneWithJs.on("pageerror", (e) => errors.push(e.message));
    await phoneWithJs.goto(`${env.server.url}/play/${session.code}`);
    await phoneWithJs.getByRole("link", { name: "Your review" }).click();
    await phoneWithJs.getByRole("heading", { level: 1, name: "Your review" }).waitFor();
    expect(phoneWithJs.url()).toBe(`${env.server.url}/play/${session.code}/review`);
    await phoneWithJs.getByText(SAID.Ranya.comment).waitFor();
    expect(await fitsPhone(phoneWithJs)).toBeLessThanOrEqual(360);
    await phoneWithJs.screenshot({ path: path.join(artifacts, "student-review-running.png"), fullPage: true });

    await must(host, "session:end", {});
    const noJs = await newPage(env.browser, env.server.url, { ...phone, javaScriptEnabled: false }, cookie);
    await noJs.goto(`${env.server.url}/play/${session.code}/review`);
    for (const heading of ["Your side's result", "Your points", "Your arguments", "Your challenges", "Your quiz"]) await noJs.getByRole("heading", { level: 2, name: heading }).waitFor();
    await noJs.getByText(/of 4 sides/).waitFor();
    expect(await fitsPhone(noJs)).toBeLessThanOrEqual(360);
    await noJs.screenshot({ path: path.join(artifacts, "student-review-ended.png"), fullPage: true });

    // A challenger's page: their challenge with the card, the ruling and its points.
    const challenger = await newPage(env.browser, env.server.url, { ...phone, javaScriptEnabled: false }, students.Chanthy.cookie);
    await challenger.goto(`${env.server.url}/play/${session.code}/review`);
    await challenger.getByText(SAID.Chanthy.reason).waitFor();
    expect(await fitsPhone(challenger)).toBeLessThanOrEqual(360);
    await challenger.screenshot({ path: path.join(artifacts, "student-review-challenger.png"), fullPage: true });

    // Once the session has ended, the live page's own way to the review is a button.
    await phoneWithJs.goto(`${env.server.url}/play/${session.code}`);
    await phoneWithJs.getByText("This session has ended.").waitFor();
    await phoneWithJs.screenshot({ path: path.join(artifacts, "student-live-ended.png") });
    await phoneWithJs.getByRole("link", { name: "See your review" }).click();
    await phoneWithJs.getByText(/of 4 sides/).waitFor();
    expect(errors).toEqual([]);
  });
});
