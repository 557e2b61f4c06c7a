// A lesson's first minutes in real Chromium: a teacher signs up and starts a session, three
// students join on phone-sized screens, the teacher balances sides, each student sees their
// side's brief, and a reload keeps a student's side. Screenshots go to tests/artifacts/.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";

const executable = chromiumForTests();

describe.skipIf(!executable)("lobby in Chromium", () => {
  const env = serverAndBrowser(executable);

  const open = (options = {}) => newPage(env.browser, env.server.url, options);

  it("runs sign-up, joining, balancing and a reload", { timeout: 90_000 }, async () => {
    const teacher = await open({ viewport: { width: 1280, height: 900 } });
    await teacher.goto(`${env.server.url}/signup`);
    await teacher.getByLabel("Your name").fill("Ms Chanthy");
    await teacher.getByLabel("Email").fill("chanthy@school.example");
    await teacher.getByLabel("Password").fill("a-long-passphrase");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await teacher.waitForURL(/\/teacher$/);

    // Start from the preview, adapting the round plan: drop the second round, lengthen the first.
    const scenario = teacher.locator('[aria-labelledby="scenario-conditioned-engagement"]');
    await scenario.getByRole("link", { name: "Preview" }).click();
    // The preview frames the motion, guides the teacher, marks what is outside the articles and
    // shows both plans with each case's floor time.
    await teacher.getByRole("heading", { name: "What each side must show" }).waitFor();
    await teacher.getByRole("heading", { name: "Teacher's guide" }).waitFor();
    expect(await teacher.getByText("Outside the articles").count()).toBeGreaterThan(0);
    await teacher.getByRole("heading", { name: "Short plan for one class period" }).waitFor();
    const floors = await teacher.getByText(/^Floor time: /).allInnerTexts();
    expect(floors).toHaveLength(2);
    for (const line of floors) {
      const [, forCase, against] = /the case for the motion speaks (.+), the case against (.+)\.$/.exec(line)!;
      expect(forCase).toBe(against);
    }
    await teacher.getByText("Adapt the round plan").click();
    const firstRound = teacher.locator(".round-plan-editor li").first();
    const roundCount = await teacher.locator(".round-plan-editor li").count();
    await firstRound.getByRole("spinbutton").fill("2.5");
    await teacher.locator(".round-plan-editor li").nth(1).getByRole("checkbox").uncheck();
    await teacher.getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    await teacher.getByText(`Round plan (${roundCount - 1} rounds`).waitFor();
    const code = (await teacher.locator("p.join-code").innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect.poll(() => teacher.getByText("Live", { exact: true }).count()).toBe(1);

    const projector = await teacher.context().newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(teacher.url().replace(/\/teacher\/sessions\//, "/projector/"));
    await expect.poll(() => projector.locator(".join-code").innerText()).toBe(code);

    const names = ["Sokha", "Vanna", "Dara"];
    const students: Page[] = [];
    for (const name of names) {
      const student = await open(phone);
      await student.goto(`${env.server.url}/join`);
      await student.getByLabel("Join code").fill(code.toLowerCase());
      await student.getByLabel("Your name").fill(name);
      await student.getByRole("button", { name: "Join" }).click();
      await student.waitForURL(new RegExp(`/play/${code}$`));
      await student.locator(".banner", { hasText: "You are in the lobby" }).waitFor();
      students.push(student);
    }

    // The console and projector show everyone, live, before any reload.
    await teacher.getByRole("heading", { name: /Students \(3 joined, 3 online/ }).waitFor();
    await projector.getByText("3 students have joined").waitFor();

    await teacher.getByRole("button", { name: "Auto-balance sides" }).click();
    await teacher.getByText("Sides balanced: 3 moved.").waitFor();

    const sideOf = async (student: Page) => {
      const heading = student.getByRole("heading", { name: /^Your side: / });
      await heading.waitFor();
      return (await heading.innerText()).replace("Your side: ", "");
    };
    const sides = await Promise.all(students.map(sideOf));
    expect(new Set(sides).size).toBe(3);
    for (const student of students) {
      await expect.poll(() => student.getByRole("heading", { name: "Talking points" }).count()).toBe(1);
      const cards = student.locator("article.card");
      expect(await cards.count()).toBeGreaterThanOrEqual(4);
      // Every card says what kind of source it is, in words, and a fact shows the article's words behind it.
      expect(await student.locator("article.card .source-type").count()).toBe(await cards.count());
      const facts = cards.filter({ has: student.locator(".kind-tag", { hasText: /^Fact$/ }) });
      expect(await student.locator("article.card .basis").count()).toBe(await facts.count());
    }
    // A student can read what the motion's words mean and what their side must show.
    await students[0].getByText("About the motion").click();
    await students[0].getByRole("heading", { name: "What the motion's words mean" }).waitFor();
    await students[0].getByText(/The debate is set in \d{4}\./).waitFor();
    // The projector lists each student under their side.
    for (const [i, name] of names.entries()) {
      const side = projector.locator("section.side", { has: projector.getByRole("heading", { name: new RegExp(`^${escape(sides[i])} \\(1\\)`) }) });
      await side.getByText(name, { exact: true }).waitFor();
    }

    await students[1].reload();
    expect(await sideOf(students[1])).toBe(sides[1]);
    await students[1].getByText("Live", { exact: true }).waitFor();

    // The teacher moves one student with the keyboard-safe picker; focus stays with that student.
    const target = "Engagement-first commentators (Khmer Times)";
    await teacher.getByLabel(`Side for ${names[0]}`).selectOption({ label: target });
    await teacher.getByRole("button", { name: `Move ${names[0]}`, exact: true }).click();
    await teacher.getByText(`${names[0]} moved to ${target}.`).waitFor();
    await students[0].getByRole("heading", { name: `Your side: ${target}` }).waitFor();
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.id)).toMatch(/^side-/);

    // Nothing on the phone is wider than the phone.
    expect(await students[0].evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await teacher.screenshot({ path: path.join(artifacts, "lobby-console.png"), fullPage: true });
    await projector.screenshot({ path: path.join(artifacts, "lobby-projector.png") });
    await students[0].screenshot({ path: path.join(artifacts, "lobby-student-360.png"), fullPage: false });

    // The teacher logs out everywhere from another computer: the open console and projector
    // close, and each says why on screen.
    const elsewhere = await open({ viewport: { width: 1280, height: 900 } });
    await elsewhere.goto(`${env.server.url}/login`);
    await elsewhere.getByLabel("Email").fill("chanthy@school.example");
    await elsewhere.getByLabel("Password").fill("a-long-passphrase");
    await elsewhere.getByRole("button", { name: "Log in" }).click();
    await elsewhere.waitForURL(/\/teacher$/);
    await elsewhere.getByRole("button", { name: "Log out everywhere" }).click();
    for (const screen of [teacher, projector]) await screen.getByRole("alert").filter({ hasText: "You were logged out" }).waitFor();
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
