// Starting a lesson for one class period in real Chromium: the teacher picks the pack's short
// plan, and the editor starts from whichever plan was picked last.
import { describe, expect, it } from "vitest";
import { chromiumForTests, newPage, serverAndBrowser } from "../support/browser";
import { signUpTeacher } from "../support/clients";

const executable = chromiumForTests();

describe.skipIf(!executable)("the short plan in Chromium", () => {
  const env = serverAndBrowser(executable);

  it("starts the short plan, and lets the teacher adapt it", { timeout: 60_000 }, async () => {
    const { cookie } = await signUpTeacher(env.server.url, "Ms Sophal");
    const teacher = await newPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } }, cookie);
    const written = (await env.server.rostrum.live.scenarios.latest("trade-and-rights"))!.content.rounds;
    const short = written.filter((r) => r.short !== undefined);
    const preview = `${env.server.url}/teacher/scenarios/trade-and-rights`;

    await teacher.goto(preview);
    await teacher.getByLabel(/^Short plan for one class period/).check();
    await teacher.getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    await teacher.getByText(`Round plan (${short.length} rounds`).waitFor();

    // Picking the short plan and then editing it: the editor holds the short plan's rounds and
    // times, and the edit makes it the teacher's own plan.
    await teacher.goto(preview);
    await teacher.getByLabel(/^Short plan for one class period/).check();
    await teacher.getByText("Adapt the round plan").click();
    const rows = teacher.locator(".round-plan-editor li");
    for (const [i, round] of written.entries()) {
      expect(await rows.nth(i).getByRole("checkbox").isChecked()).toBe(round.short !== undefined);
      if (round.short !== undefined) expect(Number(await rows.nth(i).getByRole("spinbutton").inputValue())).toBeCloseTo(round.short / 60, 2);
    }
    const firstShort = written.findIndex((r) => r.short !== undefined);
    await rows.nth(firstShort).getByRole("checkbox").uncheck();
    expect(await teacher.getByLabel("My own plan, adapted below").isChecked()).toBe(true);
    await teacher.getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    await teacher.getByText(`Round plan (${short.length - 1} rounds`).waitFor();
  });
});
