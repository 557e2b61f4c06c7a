// Rejoining and renaming in real Chromium: a student on a new phone finds their name taken,
// asks to be let back in, waits on a page that updates by itself, and lands in their seat when
// the teacher approves; the old phone is told. The teacher then renames them with the keyboard.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";
import { signUpTeacher, startSession } from "../support/clients";

const executable = chromiumForTests();

describe.skipIf(!executable)("rejoining in Chromium", () => {
  const env = serverAndBrowser(executable);

  const open = (options = {}, cookie?: string) => newPage(env.browser, env.server.url, options, cookie);
  const joinAs = async (student: Page, code: string, name: string) => {
    await student.goto(`${env.server.url}/join?code=${code}`);
    await student.getByLabel("Your name").fill(name);
    await student.getByRole("button", { name: "Join" }).click();
  };

  it("lets a student back into their seat on a new phone once the teacher approves, then renames them", { timeout: 90_000 }, async () => {
    const { cookie } = await signUpTeacher(env.server.url);
    const session = await startSession(env.server.url, cookie);
    const teacher = await open({ viewport: { width: 1280, height: 900 } }, cookie);
    await teacher.goto(`${env.server.url}/teacher/sessions/${session.id}`);
    await teacher.getByText("Live", { exact: true }).waitFor();

    const oldPhone = await open(phone);
    await joinAs(oldPhone, session.code, "Sokha");
    await oldPhone.waitForURL(new RegExp(`/play/${session.code}$`));
    await oldPhone.getByText("Live", { exact: true }).waitFor();

    const newPhone = await open(phone);
    await joinAs(newPhone, session.code, "Sokha");
    await newPhone.getByText("Someone in this session is already called “Sokha”").waitFor();
    await newPhone.getByRole("button", { name: "This is me: ask the teacher to let me back in" }).click();
    await newPhone.getByRole("heading", { name: "Waiting for your teacher" }).waitFor();
    await expect.poll(() => newPhone.getByRole("status").innerText()).toContain("You asked to rejoin as “Sokha”");
    expect(await newPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await newPhone.screenshot({ path: path.join(artifacts, "rejoin-waiting-360.png") });

    await teacher.getByRole("heading", { name: "Asking to rejoin (1)" }).waitFor();
    await teacher.screenshot({ path: path.join(artifacts, "rejoin-console.png"), fullPage: true });
    await teacher.getByRole("button", { name: "Let back in Sokha", exact: true }).click();
    await teacher.getByText("Sokha is back in their seat on the new device.").waitFor();
    // The answered request leaves the list; keyboard focus lands on the message, not the page.
    // The ack can come before the view without the request (a loaded machine takes over a second
    // to publish it); until then focus rightly stays on the button, so wait as for any step.
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe("console-status");

    // The waiting page looks again by itself and takes the new phone to its seat.
    await newPhone.waitForURL(new RegExp(`/play/${session.code}$`));
    await newPhone.locator(".banner", { hasText: "You are in the lobby" }).waitFor();
    await newPhone.getByText("Live", { exact: true }).waitFor();
    await oldPhone.getByRole("alert").filter({ hasText: "Your seat moved to another device with your teacher's approval." }).waitFor();

    // Renaming with the keyboard: the field is labelled, Enter saves, focus comes back.
    const rename = teacher.getByRole("button", { name: "Rename Sokha", exact: true });
    await rename.focus();
    await teacher.keyboard.press("Enter");
    const field = teacher.getByLabel("New name for Sokha");
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill("Teacher");
    await teacher.keyboard.press("Enter");
    await teacher.getByRole("alert").filter({ hasText: "Students cannot use the name “Teacher”." }).waitFor();
    await teacher.locator(".roster").screenshot({ path: path.join(artifacts, "rename-refused.png") });
    await field.fill("Sokha Chan");
    await teacher.keyboard.press("Enter");
    await teacher.getByText("Renamed to Sokha Chan.").waitFor();
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.textContent)).toBe("Rename Sokha Chan");
    await newPhone.getByText("Sokha Chan", { exact: true }).waitFor();
  });
});
