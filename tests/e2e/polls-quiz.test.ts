// Issue 8 in real Chromium: a teacher runs the motion poll before the debate, a word-cloud poll,
// two quiz questions and the motion poll after it, with three students on 360 px phones and the
// projector open. Hidden results stay hidden until the reveal; the cloud loses the entry the
// teacher hides; each phone says right or wrong with its points and streak, and the top five
// agrees with them; the projector's persuasion result adds up to the votes cast. The right
// answers come from the scenario's own quiz bank. Screenshots go to tests/artifacts/.
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadBundledContent } from "../../content/load";
import type { QuizItem } from "../../content/schema";
import { artifacts, chromiumForTests, newPage, phone, serverAndBrowser } from "../support/browser";
import { signUpTeacher, startSession } from "../support/clients";

const executable = chromiumForTests();

const SCENARIO = "conditioned-engagement";
const names = ["Sokha", "Vanna", "Dara"] as const;
type Name = (typeof names)[number];
type Stance = "For" | "Against" | "Undecided";
const STANCES: Stance[] = ["For", "Against", "Undecided"];
const stanceRow: Record<Stance, string> = { For: "For the motion", Against: "Against the motion", Undecided: "Undecided" };

// The votes cast: Vanna first votes For before the debate, then changes to Against (the last one counts).
const before: Record<Name, Stance> = { Sokha: "For", Vanna: "Against", Dara: "Undecided" };
const after: Record<Name, Stance> = { Sokha: "For", Vanna: "For", Dara: "Against" };

const CLOUD_PROMPT = "One word for what the US should use with Cambodia";
const cloudWords: Record<Name, string> = { Sokha: "Leverage", Vanna: "leverage", Dara: "patience" };

/** Waits on a value the page shows, for as long as a step may take. */
const eventually = <T,>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

describe.skipIf(!executable)("polls and the quiz in Chromium", () => {
  const env = serverAndBrowser(executable);

  const open = (options = {}, cookie?: string) => newPage(env.browser, env.server.url, options, cookie);
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });

  it("runs a before poll, a word cloud, two quiz questions and an after poll to the persuasion result", { timeout: 90_000 }, async () => {
    const { scenarios } = await loadBundledContent();
    const scenario = scenarios.find((s) => s.scenario.id === SCENARIO)!.scenario;
    const [question1, question2] = scenario.quiz;
    const motion = scenario.polls.find((p) => p.kind === "motion" && p.when === "before")!;

    const { cookie } = await signUpTeacher(env.server.url, "Ms Chanthy");
    const session = await startSession(env.server.url, cookie, SCENARIO);
    const teacher = await open({ viewport: { width: 1280, height: 900 } }, cookie);
    await teacher.goto(`${env.server.url}/teacher/sessions/${session.id}`);
    await teacher.getByText("Live", { exact: true }).waitFor();
    // A window of its own (as on the classroom's second screen), so neither page is a background tab.
    const projector = await open({ viewport: { width: 1600, height: 900 } }, cookie);
    await projector.goto(`${env.server.url}/projector/${session.id}`);

    const students = {} as Record<Name, Page>;
    for (const name of names) {
      const student = await open(phone);
      await student.goto(`${env.server.url}/join?code=${session.code}`);
      await student.getByLabel("Your name").fill(name);
      await student.getByRole("button", { name: "Join" }).click();
      await student.waitForURL(new RegExp(`/play/${session.code}$`));
      students[name] = student;
    }
    const phones = names.map((n) => students[n]);
    await teacher.getByRole("heading", { name: /Students \(3 joined, 3 online/ }).waitFor();
    await teacher.getByRole("button", { name: "Auto-balance sides" }).click();
    await teacher.getByText("Sides balanced: 3 moved.").waitFor();
    await teacher.getByRole("button", { name: "Lock sides" }).click();
    await teacher.getByRole("button", { name: "Sides locked (unlock)" }).waitFor();
    for (const student of phones) await student.getByRole("heading", { name: /^Your side: / }).waitFor();

    const polls = teacher.getByRole("region", { name: "Polls", exact: true });
    const status = teacher.getByRole("status").filter({ hasText: /\S/ });

    // The motion poll before the debate, from the scenario: its results are hidden by default.
    await startScenarioPoll(polls, "Before the debate");
    await status.filter({ hasText: `Poll started: ${motion.prompt}` }).waitFor();
    await polls.getByRole("heading", { name: `Open poll: ${motion.prompt}` }).waitFor();
    await polls.getByText("Motion poll before the debate · results hidden from the class").waitFor();
    await polls.getByText("0 of 3 have voted").waitFor();
    await projector.getByText("0 of 3 have voted").waitFor();
    await vote(students.Vanna, "For");
    for (const screen of [polls, projector]) await screen.getByText("1 of 3 has voted").waitFor();
    // Vanna changes her mind: still one vote of hers, now Against.
    await vote(students.Vanna, before.Vanna);
    await vote(students.Sokha, before.Sokha);
    for (const screen of [polls, projector]) await screen.getByText("2 of 3 have voted").waitFor();
    await vote(students.Dara, before.Dara);
    for (const screen of [polls, projector]) await screen.getByText("3 of 3 have voted").waitFor();
    // The teacher sees the count as it comes, and who voted what; the class and the wall see neither.
    await eventually(() => rowsOf(results(polls, motion.prompt))).toEqual(tallyRows(before));
    await polls.getByRole("button", { name: "Who voted what" }).click();
    const voters = polls.getByRole("table", { name: "Who voted what (3)" });
    // The list arrives with the command's answer: read it once it is there.
    await eventually(async () => Object.fromEntries(await rowsOf(voters))).toEqual(before);
    for (const screen of [projector.locator("main"), ...phones.map(pollOn)]) {
      await screen.getByText("The results are hidden until the teacher reveals them.").waitFor();
      expect(await results(screen, motion.prompt).count()).toBe(0);
    }
    await shot(students.Vanna, "polls-phone-hidden", false);
    await expectFitsPhone(students.Vanna);
    await polls.getByRole("button", { name: "Close poll" }).click();
    await status.filter({ hasText: "Poll closed." }).waitFor();
    for (const student of phones) await student.getByRole("region", { name: "Poll (closed)" }).getByText(`Your vote: ${before[nameOf(students, student)]}`).waitFor();
    expect(await results(projector, motion.prompt).count()).toBe(0);
    await polls.getByRole("button", { name: "Reveal results" }).click();
    await status.filter({ hasText: "Results revealed to the class." }).waitFor();
    for (const screen of [projector, students.Dara]) await eventually(() => rowsOf(results(screen, motion.prompt))).toEqual(tallyRows(before));
    await shot(projector, "polls-projector-before", false);

    // A word cloud typed on the spot, results live; two students give the same word, cased differently.
    const quick = polls.getByRole("form", { name: "Quick poll" });
    await quick.getByLabel("Kind of poll").selectOption({ label: "Short text (word cloud)" });
    await quick.getByRole("textbox", { name: "Question", exact: true }).fill(CLOUD_PROMPT);
    await quick.getByRole("button", { name: "Start quick poll" }).click();
    await status.filter({ hasText: `Quick poll started: ${CLOUD_PROMPT}` }).waitFor();
    for (const name of names) {
      const poll = pollOn(students[name]);
      await poll.getByRole("textbox", { name: CLOUD_PROMPT }).fill(cloudWords[name]);
      await poll.getByRole("button", { name: "Submit vote" }).click();
      await poll.getByText(`✓ Your vote is saved: “${cloudWords[name]}”`).waitFor();
    }
    const cloud = projector.getByRole("figure", { name: `Results: ${CLOUD_PROMPT}` });
    await eventually(() => cloud.getByRole("listitem").allTextContents()).toEqual(["leverage: 2", "patience: 1"]);
    await projector.getByText("3 of 3 have voted").waitFor();
    for (const word of ["leverage", "patience"]) await cloud.getByText(word, { exact: true }).waitFor();
    await shot(projector, "polls-projector-cloud", false);
    await polls.getByRole("button", { name: "Hide “patience”" }).click();
    await status.filter({ hasText: "“patience” is hidden from the class." }).waitFor();
    await polls.getByRole("button", { name: "Show “patience”" }).waitFor();
    await eventually(() => cloud.getByRole("listitem").allTextContents()).toEqual(["leverage: 2"]);
    expect(await cloud.getByText("patience").count()).toBe(0);
    await eventually(() => pollOn(students.Dara).getByRole("listitem").allTextContents()).toEqual(["leverage: 2"]);
    await polls.getByRole("button", { name: "Close poll" }).click();
    await status.filter({ hasText: "Poll closed." }).waitFor();

    // Question 1, next in the bank's order: Sokha right, Vanna wrong, Dara does not answer.
    const quiz = teacher.getByRole("region", { name: "Quiz", exact: true });
    await askNext(quiz, projector, phones, question1, 1);
    await answer(students.Sokha, question1, true);
    await answer(students.Vanna, question1, false);
    for (const screen of [quiz, projector]) await screen.getByText("2 of 3 have answered").waitFor();
    await closeQuestion(quiz, status, projector, question1, 1, [answerText(question1, true), answerText(question1, false)]);
    const results1 = {
      Sokha: await myResult(students.Sokha, 1, "✓ Right", 1),
      Vanna: await myResult(students.Vanna, 1, "✗ Wrong", 0),
      Dara: await myResult(students.Dara, 1, "– No answer", 0),
    };
    await students.Dara.getByText("You did not answer this question.").waitFor();
    expect(results1.Sokha.points).toBeGreaterThan(0);
    const board1 = await leaderboard(quiz, projector, results1);
    expect(board1.map((r) => r.name)).toEqual(["Sokha", "Dara", "Vanna"]); // equal points rank by name
    expect(results1.Sokha.total).toBe(results1.Sokha.points);
    await shot(projector, "quiz-projector-question-1", false);
    await shot(students.Sokha, "quiz-phone-question-1", false);
    await expectFitsPhone(students.Sokha);

    // Question 2: Sokha right again (a streak of 2), Vanna right, Dara wrong.
    await askNext(quiz, projector, phones, question2, 2);
    await answer(students.Sokha, question2, true);
    await answer(students.Vanna, question2, true);
    await answer(students.Dara, question2, false);
    for (const screen of [quiz, projector]) await screen.getByText("3 of 3 have answered").waitFor();
    await closeQuestion(quiz, status, projector, question2, 2, [answerText(question2, true), answerText(question2, true), answerText(question2, false)]);
    const results2 = {
      Sokha: await myResult(students.Sokha, 2, "✓ Right", 2),
      Vanna: await myResult(students.Vanna, 2, "✓ Right", 1),
      Dara: await myResult(students.Dara, 2, "✗ Wrong", 0),
    };
    for (const name of ["Sokha", "Vanna"] as const) expect(results2[name].points).toBeGreaterThan(0);
    expect(results2.Sokha.total).toBe(results1.Sokha.points + results2.Sokha.points);
    expect(results2.Vanna.total).toBe(results2.Vanna.points);
    expect(results2.Dara.total).toBe(0);
    // Two right answers, the second with a streak bonus, outscore one: the order follows who was right.
    const board2 = await leaderboard(quiz, projector, results2);
    expect(board2.map((r) => [r.name, r.rank])).toEqual([
      ["Sokha", "1st"],
      ["Vanna", "2nd"],
      ["Dara", "3rd"],
    ]);
    await quiz.screenshot({ path: path.join(artifacts, "quiz-console-question-2.png") });
    await shot(projector, "quiz-projector-question-2", false);

    // The motion poll after the debate: Vanna and Dara change sides, Sokha stays For.
    await startScenarioPoll(polls, "After the debate");
    await status.filter({ hasText: `Poll started: ${motion.prompt}` }).waitFor();
    await polls.getByRole("heading", { name: `Open poll: ${motion.prompt}` }).waitFor();
    await polls.getByText("Motion poll after the debate · results hidden from the class").waitFor();
    await projector.getByText("0 of 3 have voted").waitFor();
    for (const name of names) await vote(students[name], after[name]);
    for (const screen of [polls, projector]) await screen.getByText("3 of 3 have voted").waitFor();
    await projector.getByText("The results are hidden until the teacher reveals them.").waitFor();
    await polls.getByRole("button", { name: "Close poll" }).click();
    await status.filter({ hasText: "Poll closed." }).waitFor();
    // The teacher sees the persuasion result at once; the wall only once the results are revealed.
    const expected = persuasionOf(before, after);
    await expectPersuasion(polls.getByRole("region", { name: "Persuasion result" }), expected);
    await polls.screenshot({ path: path.join(artifacts, "polls-console-persuasion.png") });
    expect(await projector.getByRole("region", { name: "Persuasion result" }).count()).toBe(0);
    await polls.getByRole("button", { name: "Reveal results" }).click();
    await status.filter({ hasText: "Results revealed to the class." }).waitFor();
    await expectPersuasion(projector.getByRole("region", { name: "Persuasion result" }), expected);
    await expectPersuasion(students.Dara.getByRole("region", { name: "Persuasion result" }), expected);
    await shot(projector, "polls-projector-persuasion", false);
    await students.Dara.getByRole("region", { name: "Persuasion result" }).scrollIntoViewIfNeeded();
    await shot(students.Dara, "polls-phone-persuasion", false);
    await expectFitsPhone(students.Dara);
  });
});

/** The open poll on a phone (or the last one, closed). */
const pollOn = (student: Page) => student.getByRole("region", { name: /^Poll( \(closed\))?$/ });

const nameOf = (students: Record<Name, Page>, page: Page) => names.find((n) => students[n] === page)!;

/**
 * Starts the scenario's motion poll run `when`, with the scenario's own settings. The two motion
 * polls share their prompt and a closed select shows only a label's start, so the teacher tells
 * them apart by the time the label starts with.
 */
async function startScenarioPoll(polls: Locator, when: "Before the debate" | "After the debate") {
  const form = polls.getByRole("form", { name: "From the scenario" });
  const select = form.getByRole("combobox", { name: "Scenario poll" });
  const label = (await select.locator("option", { hasText: new RegExp(`^${when} · .*Motion: `) }).textContent())!;
  await select.selectOption({ label });
  await form.getByRole("button", { name: "Start poll" }).click();
}

/** Chooses an option on a phone and sends it, waiting for the server's acknowledgement on screen. */
async function vote(student: Page, choice: Stance) {
  const poll = student.getByRole("region", { name: "Poll", exact: true });
  await poll.getByRole("radio", { name: choice, exact: true }).check();
  await poll.getByRole("button", { name: /^(Submit|Change) vote$/ }).click();
  await poll.getByText(`✓ Your vote is saved: ${choice}`).waitFor();
}

/** A poll's results as a table (the bars' accessible form). */
const results = (scope: Locator | Page, prompt: string) => scope.getByRole("table", { name: `Results: ${prompt}` });

/** The motion poll's table rows for these votes: each stance, its count and whole-percent share. */
function tallyRows(votes: Record<Name, Stance>) {
  const cast = Object.values(votes);
  return STANCES.map((s) => {
    const count = cast.filter((v) => v === s).length;
    return [s, String(count), `${Math.round((100 * count) / cast.length)}%`];
  });
}

/** Asks the next question in the bank's order at the scenario's points, and waits for it on every screen. */
async function askNext(quiz: Locator, projector: Page, phones: Page[], item: QuizItem, position: number) {
  expect(["single", "truefalse", "numeric"]).toContain(item.kind);
  await quiz.getByRole("radio", { name: "Next in the bank's order" }).check();
  await quiz.getByRole("radio", { name: "As the scenario sets them" }).check();
  await quiz.getByRole("button", { name: "Ask question" }).click();
  await quiz.getByRole("heading", { name: `Question ${position}`, exact: true }).waitFor();
  await quiz.getByRole("timer").waitFor();
  await quiz.getByText(`0 of 3 have answered`).waitFor();
  await projector.getByRole("heading", { name: `Question ${position}`, exact: true }).waitFor();
  for (const screen of [projector, ...phones]) await screen.getByRole("region", { name: `Question ${position}`, exact: true }).getByText(item.prompt).waitFor();
}

/** The number a student types for a numeric item: its answer, or one outside the tolerance. */
const numberFor = (item: QuizItem & { kind: "numeric" }, right: boolean) => (right ? item.answer : item.answer + item.tolerance + 3);

/** What a right (or a wrong) answer to the item is, in the words the phones show. */
function answerText(item: QuizItem, right: boolean): string {
  switch (item.kind) {
    case "numeric":
      return `${numberFor(item, right)}${item.unit ? ` ${item.unit}` : ""}`;
    case "single":
      return right ? item.answer : item.options.find((o) => o !== item.answer)!;
    case "truefalse":
      return (right ? item.answer : !item.answer) ? "True" : "False";
    case "multiple":
      throw new Error("multiple select is not asked here");
  }
}

/** Answers on a phone, right or wrong, and waits for "Answer locked in". */
async function answer(student: Page, item: QuizItem, right: boolean) {
  const question = student.getByRole("region", { name: /^Question \d+$/ });
  const text = answerText(item, right);
  if (item.kind === "numeric") {
    await question.getByRole("spinbutton", { name: `Your answer${item.unit ? ` (${item.unit})` : ""}` }).fill(String(numberFor(item, right)));
    await question.getByRole("button", { name: "Submit answer" }).click();
  } else {
    await question.getByRole("group", { name: item.prompt }).getByRole("button", { name: text, exact: true }).click();
  }
  await question.getByText(`✓ Answer locked in: ${text}`).waitFor();
}

/**
 * Closes the question early; the console and the wall then show the answer, why, and how the
 * class answered (`given`: the answers' texts), the right bar marked with ✓.
 */
async function closeQuestion(quiz: Locator, status: Locator, projector: Page, item: QuizItem, position: number, given: string[]) {
  await quiz.getByRole("button", { name: "Close question early" }).click();
  await status.filter({ hasText: "Question closed." }).waitFor();
  const right = answerText(item, true);
  const labels = item.kind === "numeric" ? [right, "Other answers"] : item.kind === "truefalse" ? ["True", "False"] : item.options;
  const rows = labels.map((label, i) => {
    const correct = item.kind === "numeric" ? i === 0 : label === right;
    const count = item.kind === "numeric" ? given.filter((g) => (g === right) === correct).length : given.filter((g) => g === label).length;
    return [`${label}${correct ? " (correct)" : ""}`, String(count), `${Math.round((100 * count) / given.length)}%`];
  });
  // The wall, short of room, leaves the answer line to the distribution's ✓ bar when there are options.
  await quiz.getByText(`✓ Answer: ${right}`, { exact: true }).waitFor();
  await projector.locator(".bar").getByText(`✓ ${right}`, { exact: true }).waitFor();
  for (const screen of [quiz, projector.locator("main")]) {
    await screen.getByText(`Why: ${item.explanation}`).waitFor();
    await eventually(() => rowsOf(screen.getByRole("table", { name: `How the class answered question ${position}` }))).toEqual(rows);
  }
  await projector.getByRole("heading", { name: `Question ${position} (closed)` }).waitFor();
}

type MyResult = { points: number; streak: number; rank: string; total: number };

/** What a phone says after the question closes: the verdict and points, then "Streak: … · Rank: … · Total: …". */
async function myResult(student: Page, position: number, verdict: string, streak: number): Promise<MyResult> {
  const question = student.getByRole("region", { name: `Question ${position} (closed)` });
  const headline = question.getByText(new RegExp(`^${verdict} · \\+?[\\d,]+ points?$`));
  await headline.waitFor();
  const points = num((await headline.textContent())!.split(" · ")[1]);
  if (!verdict.includes("Right")) expect(points).toBe(0);
  const line = (await question.getByText(/^Streak:/).textContent())!;
  const [, streakText, rank, total] = line.match(/^Streak: (\d+) · Rank: (\d+\w\w) · Total: ([\d,]+) points?$/)!;
  expect(Number(streakText)).toBe(streak);
  return { points, streak, rank, total: num(total) };
}

type BoardRow = { rank: string; name: string; points: number };

const boardRows = async (table: Locator): Promise<BoardRow[]> =>
  (await rowsOf(table)).map(([rank, who, points]) => ({ rank, name: who.split(" · ")[0], points: num(points) }));

/**
 * The top five on the console, once it gives each student the rank and total their phone shows;
 * it runs from most points down and reads the same on the wall.
 */
async function leaderboard(quiz: Locator, projector: Page, phones: Record<Name, MyResult>): Promise<BoardRow[]> {
  const name = "Quiz leaderboard: top 3";
  const table = quiz.getByRole("table", { name });
  const standing = (rows: BoardRow[]) => Object.fromEntries(rows.map((r) => [r.name, [r.rank, r.points]]));
  await eventually(async () => standing(await boardRows(table))).toEqual(Object.fromEntries(names.map((n) => [n, [phones[n].rank, phones[n].total]])));
  const rows = await boardRows(table);
  expect(rows.map((r) => r.points)).toEqual(rows.map((r) => r.points).sort((a, b) => b - a));
  await eventually(() => boardRows(projector.getByRole("table", { name }))).toEqual(rows);
  return rows;
}

type Expected = { winner: string; shares: string[][]; sharesName: string; flow: string[][]; flowName: string };

/** The persuasion result these votes make, worked out here from the votes themselves. */
function persuasionOf(b: Record<Name, Stance>, a: Record<Name, Stance>): Expected {
  const share = (votes: Record<Name, Stance>, s: Stance) => (100 * names.filter((n) => votes[n] === s).length) / names.length;
  const oneDecimal = (x: number) => Math.round(x * 10) / 10;
  const signedText = (x: number) => (oneDecimal(x) > 0 ? `+${oneDecimal(x)}` : oneDecimal(x) < 0 ? `−${Math.abs(oneDecimal(x))}` : "0");
  const gain = (s: Stance) => share(a, s) - share(b, s);
  const moved = names.filter((n) => a[n] !== b[n]).length;
  const [win, lose]: Stance[] = gain("For") >= gain("Against") ? ["For", "Against"] : ["Against", "For"];
  expect(gain(win)).not.toBe(gain(lose)); // the votes above are chosen to have a winner
  return {
    winner: `★ ${stanceRow[win]} wins the audience: ${signedText(gain(win))} points against ${signedText(gain(lose))} points.`,
    sharesName: `Share of the room (${names.length} votes before, ${names.length} after; change in percentage points)`,
    shares: STANCES.map((s) => [stanceRow[s], `${oneDecimal(share(b, s))}%`, `${oneDecimal(share(a, s))}%`, signedText(gain(s))]),
    flowName: `How students moved: ${moved} of ${names.length} who voted both times changed their stance`,
    flow: STANCES.map((from) => [stanceRow[from], ...STANCES.map((to) => String(names.filter((n) => b[n] === from && a[n] === to).length))]),
  };
}

async function expectPersuasion(region: Locator, expected: Expected) {
  await region.getByText(expected.winner, { exact: true }).waitFor();
  expect(await rowsOf(region.getByRole("table", { name: expected.sharesName }))).toEqual(expected.shares);
  expect(await rowsOf(region.getByRole("table", { name: expected.flowName }))).toEqual(expected.flow);
}

/** A table's body rows as the cells' text (also of a table drawn for screen readers only). */
const rowsOf = (table: Locator) =>
  table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));

/** "1,950", "+950 points", "0 points" as numbers. */
const num = (s: string) => Number(s.replace(/[^\d]/g, ""));

async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
