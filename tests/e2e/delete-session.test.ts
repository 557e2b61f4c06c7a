// Deleting a session in real Chromium: from the console to the confirmation page, then "Delete
// permanently" lands on the list of sessions with the outcome read out; the projector and a
// student's phone still open on it say why they stopped, instead of reconnecting for ever.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";
import { signUpTeacher, startSession } from "../support/clients";

const executable = chromiumForTests();
const DELETED = "This session was deleted by its teacher.";

describe.skipIf(!executable)("deleting a session in Chromium", () => {
  const env = serverAndBrowser(executable);

  it("confirms, deletes, and tells every screen still open on it", { timeout: 90_000 }, async () => {
    const { cookie } = await signUpTeacher(env.server.url);
    const session = await startSession(env.server.url, cookie);
    const teacher = await newPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } }, cookie);
    const projector = await newPage(env.browser, env.server.url, { viewport: { width: 1280, height: 720 } }, cookie);
    const student = await newPage(env.browser, env.server.url, phone);

    await student.goto(`${env.server.url}/join?code=${session.code}`);
    await student.getByLabel("Your name").fill("Sokha");
    await student.getByRole("button", { name: "Join" }).click();
    await student.getByText("Live", { exact: true }).waitFor();
    await projector.goto(`${env.server.url}/projector/${session.id}`);
    await projector.getByText("Live", { exact: true }).waitFor();

    await teacher.goto(`${env.server.url}/teacher/sessions/${session.id}`);
    await teacher.getByText("Live", { exact: true }).waitFor();
    await teacher.getByRole("link", { name: "Delete session…" }).click();
    await teacher.getByRole("heading", { name: "Delete this session?" }).waitFor();
    await teacher.getByText("1 student and their names").waitFor();
    await teacher.getByText("This cannot be undone.").waitFor();
    await teacher.screenshot({ path: path.join(artifacts, "delete-confirm.png"), fullPage: true });

    // Cancel goes back to the console; nothing was deleted.
    await teacher.getByRole("link", { name: "Cancel" }).click();
    await teacher.waitForURL(new RegExp(`/teacher/sessions/${session.id}$`));
    await teacher.getByRole("link", { name: "Delete session…" }).click();
    await teacher.getByRole("button", { name: "Delete permanently" }).click();

    await teacher.waitForURL(/\/teacher\?deleted=1$/);
    const notice = teacher.getByRole("status").filter({ hasText: "The session was deleted" });
    await notice.waitFor();
    // The outcome takes focus, so a screen reader reads it first.
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.textContent ?? "")).toContain("The session was deleted");
    expect(await teacher.locator("main").innerText()).not.toContain(session.code);

    for (const screen of [projector, student]) {
      await screen.getByRole("alert").filter({ hasText: DELETED }).waitFor();
      await screen.getByText("Disconnected", { exact: true }).waitFor();
    }
    await student.screenshot({ path: path.join(artifacts, "delete-student-360.png") });
  });

  it("keeps the list of sessions usable on a 360 px screen", { timeout: 60_000 }, async () => {
    const { cookie } = await signUpTeacher(env.server.url);
    await startSession(env.server.url, cookie);
    await startSession(env.server.url, cookie);
    const teacher = await newPage(env.browser, env.server.url, phone, cookie);
    await teacher.goto(`${env.server.url}/teacher`);
    const table = teacher.getByRole("table", { name: "Your sessions, newest first" });
    await table.waitFor();
    // The page itself never scrolls sideways: the table scrolls inside its panel.
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await table.getByRole("link", { name: /^Delete… for session/ }).count()).toBe(2);
    await teacher.screenshot({ path: path.join(artifacts, "sessions-list-360.png") });
  });
});
