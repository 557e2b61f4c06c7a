// Issue 7 in real Chromium: a teacher runs an opening, a rebuttal and a crossfire round with four
// students on 360 px phones and the projector open. Students cite their cards, the teacher reveals
// and scores with the rubric, students vote and challenge a quote, the teacher rules on it, the
// government and the opposition question each other in public, and the scoreboard the projector
// shows adds up to the teacher's. Screenshots go to tests/artifacts/.
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";

const executable = chromiumForTests();

const OPENING = "Opening statements";
const REBUTTAL = "Rebuttals";
const CROSSFIRE = "Crossfire 1: sovereignty or accountability? (government vs opposition)";
const GOVERNMENT = "Royal Government of Cambodia / Cambodian People's Party";
const OPPOSITION = "Cambodia National Rescue Party (opposition)";
const names = ["Sokha", "Vanna", "Dara", "Bopha"];

describe.skipIf(!executable)("debate rounds in Chromium", () => {
  const env = serverAndBrowser(executable);

  const open = (options = {}) => newPage(env.browser, env.server.url, options);
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });

  it("runs an opening, a rebuttal and a crossfire round to a shown scoreboard", { timeout: 90_000 }, async () => {
    // The teacher signs up and starts a session with the two speaking rounds, 1.5 min each, and the
    // government-opposition crossfire, 1 min. The plan keeps the scenario's order: crossfire comes last.
    const teacher = await open({ viewport: { width: 1280, height: 900 } });
    teacher.on("dialog", (dialog) => dialog.accept());
    await teacher.goto(`${env.server.url}/signup`);
    await teacher.getByLabel("Your name").fill("Ms Chanthy");
    await teacher.getByLabel("Email").fill("chanthy@school.example");
    await teacher.getByLabel("Password").fill("a-long-passphrase");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await teacher.waitForURL(/\/teacher$/);
    await teacher.locator('[aria-labelledby="scenario-conditioned-engagement"]').getByRole("link", { name: "Preview" }).click();
    await teacher.getByText("Adapt the round plan").click();
    const editor = teacher.locator(".round-plan-editor");
    for (const keep of await editor.getByRole("checkbox").all()) {
      const label = (await keep.getAttribute("id"))!;
      const title = await editor.locator(`label[for="${label}"]`).innerText();
      if (![OPENING, REBUTTAL, CROSSFIRE].some((kept) => title.startsWith(kept))) await keep.uncheck();
    }
    await editor.getByLabel(new RegExp(`^Minutes for ${OPENING}`)).fill("1.5");
    await editor.getByLabel(new RegExp(`^Minutes for ${REBUTTAL}`)).fill("1.5");
    await editor.getByLabel(`Minutes for ${CROSSFIRE}`, { exact: true }).fill("1");
    await teacher.getByRole("button", { name: "Start a session" }).click();
    await teacher.waitForURL(/\/teacher\/sessions\//);
    await teacher.getByRole("heading", { name: "Round plan (3 rounds, 4 min)" }).waitFor();
    const code = (await teacher.locator("p.join-code").innerText()).trim();

    // A window of its own (as on the classroom's second screen), so neither page is a background tab.
    const projector = await open({ viewport: { width: 1600, height: 900 } });
    await projector.context().addCookies(await teacher.context().cookies());
    await projector.goto(teacher.url().replace(/\/teacher\/sessions\//, "/projector/"));

    const students: Page[] = [];
    for (const name of names) {
      const student = await open(phone);
      await student.goto(`${env.server.url}/join`);
      await student.getByLabel("Join code").fill(code);
      await student.getByLabel("Your name").fill(name);
      await student.getByRole("button", { name: "Join" }).click();
      await student.waitForURL(new RegExp(`/play/${code}$`));
      students.push(student);
    }
    await teacher.getByRole("heading", { name: /Students \(4 joined, 4 online/ }).waitFor();
    await teacher.getByRole("button", { name: "Auto-balance sides" }).click();
    await teacher.getByText("Sides balanced: 4 moved.").waitFor();
    await teacher.getByRole("button", { name: "Lock sides" }).click();
    await teacher.getByRole("button", { name: "Sides locked (unlock)" }).waitFor();
    const sides = await Promise.all(students.map(async (s) => (await s.getByRole("heading", { name: /^Your side: / }).innerText()).replace("Your side: ", "")));
    expect(new Set(sides).size).toBe(4);

    // Round 1: the opening. Every phone shows the round and its clock.
    await teacher.getByRole("button", { name: startNext(OPENING) }).click();
    for (const student of students) {
      await student.getByRole("heading", { name: new RegExp(`^${OPENING}`) }).waitFor();
      await expect.poll(() => student.getByRole("timer").innerText()).toMatch(/^1:[0-3]\d\s+1 minute \d+ seconds? left$/);
    }
    for (const [i, student] of students.entries()) await submitSpeech(student, `${names[i]}: our side's opening case, resting on the quoted record.`, 1);
    await projector.getByRole("heading", { name: new RegExp(`^${OPENING}`) }).waitFor();

    // The teacher sees all four speeches, then ends the round early.
    const console1 = teacher.getByRole("region", { name: new RegExp(`^Arguments: ${OPENING}`) });
    for (const name of names) await speech(console1, name).waitFor();
    await endRound(teacher, OPENING);
    for (const student of students) await student.getByRole("heading", { name: new RegExp(`^${OPENING}.* closed$`) }).waitFor();
    // Ended early, the clocks say the round closed, not that its time ran out.
    for (const screen of [students[0], projector]) {
      await screen.getByText("Round closed", { exact: true }).first().waitFor();
      expect(await screen.getByText("Time is up").count()).toBe(0);
    }

    // A change sent after the close is refused, and the phone says so in words.
    const late = students[3];
    await late.getByText("This round has closed: your speech can no longer be changed.").waitFor();
    await late.getByLabel("Write your speech").fill("One more point, sent too late.");
    await late.getByRole("button", { name: "Update my speech" }).click();
    await late.getByRole("status").filter({ hasText: "This round has closed: your argument was not changed." }).waitFor();

    // Before the reveal a student sees only their own side; the teacher reveals the round.
    await students[0].getByText("the others' appear when your teacher reveals them").waitFor();
    await teacher.getByRole("button", { name: "Reveal to class" }).click();
    await teacher.getByText("✓ Revealed: students and the projector can read these.").waitFor();
    await students[0].getByRole("heading", { name: "Arguments in this round (3)" }).waitFor();
    await projector.getByRole("heading", { name: "Latest arguments" }).waitFor();
    for (const name of names) await speech(projector.locator("main"), name).waitFor();

    // The teacher scores two speeches with the rubric ballot.
    const scored1 = [await scoreSpeech(teacher, console1, names[0], 5), await scoreSpeech(teacher, console1, names[1], 3)];
    expect(scored1).toEqual(["100", "60"]);

    // Each student votes for another side's speech: three for Sokha, Sokha for Vanna.
    for (const [i, student] of students.entries()) {
      const choice = i === 0 ? names[1] : names[0];
      const ballot = student.getByRole("form", { name: "Vote for the most persuasive argument" });
      const own = ballot.getByRole("radio", { name: new RegExp(`^${names[i]} `) });
      expect(await own.count()).toBe(0);
      await ballot.getByRole("radio", { name: new RegExp(`^${choice} `) }).check();
      await ballot.getByRole("button", { name: "Cast my vote" }).click();
      await student.getByRole("status").filter({ hasText: `You voted for ${choice}` }).waitFor();
    }
    await expect.poll(() => speech(console1, names[0]).getByText(/^Peer votes:/).innerText()).toBe("Peer votes: 3");

    // Dara challenges the quote Vanna cites; the teacher upholds it, saying why.
    const dara = students[2];
    await dara.getByRole("button", { name: `Challenge this quote cited by ${names[1]}` }).click();
    const challenge = dara.getByRole("form", { name: `Challenge a card cited by ${names[1]}` });
    await challenge.getByLabel("Why does this card not support the argument?").fill("The speaker said this about trade, not about elections.");
    await challenge.getByRole("button", { name: "Send challenge" }).click();
    await dara.getByText("You challenged this card: waiting for the teacher's ruling.").waitFor();
    const challenges = teacher.getByRole("region", { name: /^Challenges \(1 open\)/ });
    await challenges.getByText("The speaker said this about trade, not about elections.").waitFor();
    await challenges.getByLabel("Reason for your ruling").fill("Right: the article puts this quote in a trade context.");
    await challenges.getByRole("button", { name: `Uphold ${names[2]}'s challenge` }).click();
    await teacher.getByRole("status").filter({ hasText: `${names[2]}'s challenge upheld.` }).waitFor();
    await dara.getByRole("region", { name: "Your challenges" }).getByText("Teacher: Right: the article puts this quote in a trade context.").waitFor();
    await dara.getByText("✓ Upheld").first().waitFor();

    await shot(teacher, "debate-console-opening");
    await shot(projector, "debate-projector-opening", false);
    await shot(dara, "debate-phone-opening");
    await expectFitsPhone(dara);

    // Round 2: the rebuttal. Everyone speaks; Vanna edits hers; the teacher scores and ends it.
    await teacher.getByRole("button", { name: startNext(REBUTTAL) }).click();
    for (const student of students) await student.getByRole("heading", { name: new RegExp(`^${REBUTTAL}`) }).waitFor();
    for (const [i, student] of students.entries()) await submitSpeech(student, `${names[i]} answers the strongest point against us.`, 1);
    const vanna = students[1];
    await vanna.getByLabel("Write your speech").fill("Vanna, revised: the strongest point against us misreads the record.");
    await vanna.getByRole("button", { name: "Update my speech" }).click();
    await vanna.getByText("Edited (2 versions)").waitFor();
    await vanna.getByText("Cite your cards (1 of up to 5 chosen)").waitFor();
    const console2 = teacher.getByRole("region", { name: new RegExp(`^Arguments: ${REBUTTAL}`) });
    await speech(console2, names[1]).getByText("Vanna, revised: the strongest point against us misreads the record.").waitFor();
    await speech(console2, names[1]).getByText("Edited (2 versions)").waitFor();
    // Editing the text kept the card the first version cited.
    expect(await speech(console2, names[1]).getByRole("group", { name: `Cards cited by ${names[1]}` }).getByRole("article").count()).toBe(1);
    expect(await scoreSpeech(teacher, console2, names[1], 4)).toBe("80");
    // Scoring again replaces the ballot: Bopha's 60 becomes 40.
    expect(await scoreSpeech(teacher, console2, names[3], 3)).toBe("60");
    await scoreSpeech(teacher, console2, names[3], 2);
    await expect.poll(() => speech(console2, names[3]).getByText(/^Scored \d+ points/).innerText()).toMatch(/^Scored 40 points/);
    await shot(vanna, "debate-phone-rebuttal");
    await expectFitsPhone(vanna);
    await endRound(teacher, REBUTTAL);
    await teacher.getByRole("button", { name: startNext(escape(CROSSFIRE)) }).waitFor();
    await teacher.getByRole("button", { name: "Reveal to class" }).click();
    await projector.getByRole("heading", { name: new RegExp(`^${REBUTTAL}`) }).waitFor();
    await shot(teacher, "debate-console-rebuttal");
    await shot(projector, "debate-projector-rebuttal", false);

    // Round 3: crossfire. Only the government and the opposition have the floor; it is public, so
    // the question and its answer read as one thread on every screen, unscored and unvoted here.
    const government = students[sides.findIndex((s) => s.startsWith(GOVERNMENT))];
    const opposition = students[sides.findIndex((s) => s.startsWith(OPPOSITION))];
    const bystander = students.find((s) => s !== government && s !== opposition)!;
    const [asker, answerer] = [names[students.indexOf(government)], names[students.indexOf(opposition)]];
    await teacher.getByRole("button", { name: startNext(escape(CROSSFIRE)) }).click();
    for (const student of students) await student.getByRole("heading", { name: new RegExp(`^${escape(CROSSFIRE)}`) }).waitFor();
    const question = "Who would hold the government to account if the opposition stayed banned?";
    const answer = "Only voters can, and they need a free opposition to vote for.";
    const ask = government.getByRole("region", { name: "Ask a question" });
    await ask.getByLabel("Ask which side").selectOption({ label: OPPOSITION });
    await ask.getByLabel("Your question").fill(question);
    await ask.getByRole("button", { name: "Ask", exact: true }).click();
    await ask.getByRole("status").filter({ hasText: "Question sent. Everyone in the debate can read it." }).waitFor();
    // A side that is not on the floor is not offered the question form.
    await bystander.getByRole("heading", { name: /^Questions and answers \(1\)$/ }).waitFor();
    expect(await bystander.getByRole("region", { name: "Ask a question" }).count()).toBe(0);
    expect(await bystander.getByLabel("Your question").count()).toBe(0);
    await opposition.getByText(`Answer this question from ${asker}`).click();
    await opposition.getByLabel(`Your answer to ${asker}`).fill(answer);
    await opposition.getByRole("button", { name: "Send answer" }).click();
    await opposition.getByRole("status").filter({ hasText: "Answer sent. Everyone in the debate can read it." }).waitFor();
    const console3 = teacher.getByRole("region", { name: new RegExp(`^Arguments: ${escape(CROSSFIRE)}`) });
    for (const screen of [government.locator("main"), opposition.locator("main"), console3]) await expectThread(screen, asker, question, answerer, answer);
    // The projector shows the newest first: the answer, then the question it answers.
    const wall = projector.getByRole("region", { name: /^Latest arguments/ });
    await said(wall, "Answer", answerer).getByText(answer).waitFor();
    await said(wall, "Question", asker).getByText(question).waitFor();
    await shot(teacher, "debate-console-crossfire");
    await shot(projector, "debate-projector-crossfire", false);
    await shot(opposition, "debate-phone-crossfire");
    await expectFitsPhone(opposition);
    await endRound(teacher, CROSSFIRE);
    await teacher.getByText("Every round of the plan has been run or skipped.").waitFor();

    // The teacher shows the scoreboard with individual standings; the projector's matches hers.
    expect(await projector.getByRole("table", { name: "Side totals" }).count()).toBe(0);
    await teacher.getByRole("radio", { name: "Side totals and individual standings" }).check();
    await teacher.getByRole("status").filter({ hasText: "Scoreboard: side totals and individual standings." }).waitFor();
    const hostSides = await rowsOf(teacher.getByRole("table", { name: "Side totals" }));
    const hostPeople = await rowsOf(teacher.getByRole("table", { name: "Individual standings" }));
    await expect.poll(() => rowsOf(projector.getByRole("table", { name: "Side totals" }))).toEqual(hostSides);
    expect(await rowsOf(projector.getByRole("table", { name: "Individual standings" }))).toEqual(hostPeople);
    // Each row adds up, and the standings carry the rubric, the votes and the upheld challenge.
    for (const [, rubric, votes, challenged, total] of hostPeople) expect(Number(rubric) + num(votes) + num(challenged)).toBe(Number(total));
    const person = (name: string) => hostPeople.find((r) => r[0] === name)!;
    expect(person(names[0])).toEqual([names[0], "100", "+30", "0", "130"]);
    expect(person(names[1])).toEqual([names[1], "140", "+10", "−30", "120"]);
    expect(person(names[2])).toEqual([names[2], "0", "0", "+15", "15"]);
    expect(person(names[3])).toEqual([names[3], "40", "0", "0", "40"]);
    expect(hostSides.map((r) => r[0]).sort()).toEqual([...sides].sort());
    // The projector cannot scroll: the whole scoreboard fits its screen, at 1600×900 and at 1280×720.
    await shot(projector, "debate-scoreboard-projector", false);
    await expectInView(projector, projector.getByRole("region", { name: "Scoreboard" }));
    await projector.setViewportSize({ width: 1280, height: 720 });
    await shot(projector, "debate-scoreboard-projector-720", false);
    await expectInView(projector, projector.getByRole("region", { name: "Scoreboard" }));
    // On a phone the scoreboard of a closed round comes right under the round, before its arguments.
    const board = students[0].getByRole("region", { name: "Scoreboard" });
    await board.getByRole("table", { name: "Individual standings" }).waitFor();
    const top = async (l: Locator) => (await l.boundingBox())!.y;
    expect(await top(board)).toBeLessThan(await top(students[0].getByRole("heading", { name: /^Questions and answers/ })));
    await students[0].evaluate(() => window.scrollTo(0, 0));
    await shot(students[0], "debate-scoreboard-phone-top", false);
    await board.scrollIntoViewIfNeeded();
    await shot(students[0], "debate-scoreboard-phone", false);
    await expectFitsPhone(students[0]);

    // Keyboard focus is visible: tabbing onto the phone's first control draws the focus ring.
    const phoneView = students[0];
    await phoneView.getByRole("heading", { level: 1 }).click();
    await phoneView.keyboard.press("Tab");
    const ring = await phoneView.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { control: el !== document.body, visible: el.matches(":focus-visible"), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring).toEqual({ control: true, visible: true, outline: "solid", width: 3 });
    await shot(phoneView, "debate-phone-focus", false);
  });
});

/** Writes a speech with the character counter and the card picker's count showing, and sends it. */
async function submitSpeech(student: Page, body: string, cards: number) {
  const mine = student.getByRole("region", { name: "Your speech" });
  await mine.getByLabel("Write your speech").fill(body);
  await mine.getByText(`${body.length}/1000 characters`).waitFor();
  const picker = mine.getByRole("group", { name: "Cards to cite, up to 5" });
  if (!(await picker.isVisible())) await mine.getByText(/^Cite your cards \(/).click();
  for (let i = 0; i < cards; i++) await picker.getByRole("checkbox").nth(i).check();
  await mine.getByText(`Cite your cards (${cards} of up to 5 chosen)`).waitFor();
  await mine.getByRole("button", { name: /^(Submit|Update) my speech$/ }).click();
  await mine.getByRole("status").filter({ hasText: /^Speech sent\. (Your teacher and your side|Everyone) can read it\.$/ }).waitFor();
  // The form keeps what was sent, so an edit starts from the speech and its cards.
  expect(await mine.getByLabel("Write your speech").inputValue()).toBe(body);
  await mine.getByText(`Cite your cards (${cards} of up to 5 chosen)`).waitFor();
}

/** The start button's name: its hidden ": <title>" is a block of its own, which adds a space. */
const startNext = (title: string) => new RegExp(`^Start next round\\s*: ${title}`);

/** One speech by its author, as an article headed with their name. */
const speech = (scope: Locator, author: string) => said(scope, "Speech", author);

/** A speech, question or answer by its author, as an article headed with its kind and their name. */
const said = (scope: Locator, kind: "Speech" | "Question" | "Answer", author: string) =>
  scope.getByRole("article", { name: new RegExp(`^${kind} ${author} `) });

/** A crossfire thread: the question, and under it, in the list of its answers, the answer. */
async function expectThread(scope: Locator, asker: string, question: string, answerer: string, answer: string) {
  await said(scope, "Question", asker).getByText(question).waitFor();
  await said(scope.getByRole("list", { name: `Answers to ${asker}` }), "Answer", answerer).getByText(answer).waitFor();
}

/** A title as a literal inside a RegExp (crossfire titles hold "?" and parentheses). */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function endRound(teacher: Page, title: string) {
  await teacher.getByRole("button", { name: "End early" }).click();
  await teacher.getByRole("status").filter({ hasText: "Round ended." }).waitFor();
  await teacher.getByRole("listitem").filter({ hasText: title }).getByText("✓ Done").waitFor();
}

/**
 * Scores every rubric criterion `level` (1-5) with the radio groups (again: "Change score") and
 * returns the points the folded summary shows; saving folds the form and focuses its summary.
 */
async function scoreSpeech(teacher: Page, round: Locator, author: string, level: number) {
  const item = speech(round, author);
  await item.getByText(/^(Score this argument|Change score)$/).click();
  const form = item.getByRole("form", { name: `Ballot for ${author}'s argument` });
  const criteria = form.getByRole("group");
  const count = await criteria.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) await criteria.nth(i).getByRole("radio", { name: new RegExp(`^${level} `) }).check();
  await form.getByLabel("Comment for the student (optional)").fill(`Level ${level} throughout.`);
  await form.getByRole("button", { name: `Save ballot for ${author}` }).click();
  await teacher.getByRole("status").filter({ hasText: `Ballot saved for ${author}.` }).waitFor();
  await form.waitFor({ state: "hidden" });
  const summary = item.getByText(/^Scored \d+ points · Change score/);
  await summary.waitFor();
  expect(await summary.evaluate((el) => el.closest("summary") === document.activeElement)).toBe(true);
  return (await summary.innerText()).match(/Scored (\d+) points/)![1];
}

/** A table's body rows as the cells' text. */
const rowsOf = (table: Locator) =>
  table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText.trim())));

/** "+10", "−30", "0" as numbers. */
const num = (s: string) => Number(s.replace("−", "-").replace("+", ""));

/** The element lies wholly inside the viewport, unscrolled. */
async function expectInView(page: Page, element: Locator) {
  const box = (await element.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
