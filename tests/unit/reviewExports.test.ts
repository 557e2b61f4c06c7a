// The exports of a session's review (server/live/review/exports.ts) on a small review built by
// hand: each CSV file's exact text, the formula rule, numbers kept as numbers, student text that
// survives a spreadsheet's parser, and README.md documenting every column in order.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_FILES, reviewCsv, reviewJson, type CsvFile } from "../../server/live/review/exports";
import type { ReviewArgument, ReviewPoll, SessionReview } from "../../server/live/review/types";

const BOM = "\uFEFF";
const at = (minute: number, second = 0) => Date.UTC(2025, 2, 14, 9, minute, second);
const source = { id: "src", outlet: "The Daily", title: "An article", author: null, period: "2024", file: "a.txt", type: "report" as const, year: 2024 };
const card = (id: string) => ({ id, kind: "quote" as const, text: "A quote.", speaker: "Someone", sourceType: "claim" as const, use: "Cite it.", source });
const rubric = [
  { id: "argument", label: "Argument", weight: 3, levels: ["1", "2", "3", "4", "5"] },
  { id: "evidence", label: "Evidence", weight: 2, levels: ["1", "2", "3", "4", "5"] },
];

const argument = (fields: Partial<ReviewArgument> & Pick<ReviewArgument, "id" | "roundId" | "participantId" | "author" | "sideId" | "body" | "createdAt">): ReviewArgument => ({
  kind: "argument",
  cards: [],
  targetSideId: null,
  replyTo: null,
  ballots: [],
  rubricPoints: 0,
  peerVotes: 0,
  challenges: [],
  ...fields,
});

const poll = (fields: Pick<ReviewPoll, "id" | "position" | "kind" | "prompt" | "options" | "phase" | "anonymous">): ReviewPoll => ({
  status: "closed",
  openedAt: at(40),
  closedAt: at(41),
  voted: 2,
  of: 2,
  counts: null,
  cloud: null,
  ...fields,
});

/** Ana and =HYPERLINK for the government, Ben (removed) for the opposition. */
function sampleReview(): SessionReview {
  const speech = argument({
    id: "a1",
    roundId: "r1",
    participantId: "p-ana",
    author: "Ana",
    sideId: "gov",
    body: 'Growth, "jobs" and\r\nroads.',
    cards: [card("c1"), card("c2")],
    createdAt: at(5, 30),
    ballots: [
      { judge: "Ms Sokha", scores: { argument: 4, evidence: 3 }, comment: "Clear, but cite more.", points: 72 },
      { judge: "Ms Sokha", scores: { argument: 5, evidence: 5 }, comment: "", points: 100 },
    ],
    rubricPoints: 86,
    peerVotes: 1,
    challenges: [
      { id: "ch1", argumentId: "a1", cardId: "c1", challengerId: "p-ben", challenger: "Ben", challengerSideId: "opp", reason: "Out of context", status: "upheld", ruling: "Yes", ruledAt: at(8) },
      { id: "ch2", argumentId: "a1", cardId: "c2", challengerId: "p-ben", challenger: "Ben", challengerSideId: "opp", reason: "Old", status: "rejected", ruling: "No", ruledAt: at(9) },
    ],
  });
  const early = argument({ id: "a0", roundId: "r1", participantId: "p-ben", author: "Ben", sideId: "opp", body: "=1+1", createdAt: at(5, 10) });
  const question = argument({ id: "q1", roundId: "r2", participantId: "p-hyp", author: '=HYPERLINK("http://x")', sideId: "gov", kind: "question", body: "Why?", targetSideId: "opp", createdAt: at(20) });
  const answer = argument({ id: "q2", roundId: "r2", participantId: "p-ben", author: "Ben", sideId: "opp", kind: "answer", body: "-Because.", replyTo: "q1", createdAt: at(21) });
  const motion = poll({ id: "poll1", position: 1, kind: "motion", prompt: "Should the US engage?", options: ["For", "Against", "Undecided"], phase: "before", anonymous: false });
  const cloud = poll({ id: "poll2", position: 2, kind: "text", prompt: "One word?", options: [], phase: null, anonymous: true });
  const breakdown = (rubric: number, peerVotes: number, challenges: number, quiz: number, audience: number) => ({ rubric, peerVotes, challenges, quiz, audience });
  return {
    session: {
      id: "s1",
      code: "ABC234",
      status: "ended",
      createdAt: at(0),
      endedAt: at(50),
      capacity: 30,
      settings: { argumentsLive: false, scoreboard: "sides", quizSpeed: true, quizStreak: true, pollFilter: true },
    },
    scenario: {
      id: "scn",
      version: 1,
      title: "A scenario",
      motion: "The US should engage",
      sides: [
        { id: "gov", name: "Government", stance: "against" },
        { id: "opp", name: "Opposition, CNRP", stance: "for" },
      ],
      rubric,
    },
    anonymous: false,
    people: [
      { id: "p-ana", name: "Ana", sideId: "gov", removed: false },
      { id: "p-hyp", name: '=HYPERLINK("http://x")', sideId: "gov", removed: false },
      { id: "p-ben", name: "Ben", sideId: "opp", removed: true },
    ],
    rounds: [
      { id: "r1", index: 2, kind: "opening", title: "Opening statements", sides: ["gov", "opp"], status: "closed", startedAt: at(5), closedAt: at(10), speeches: [early, speech], threads: [], peerVoters: 1 },
      { id: "r2", index: 4, kind: "crossfire", title: "Crossfire", sides: [], status: "closed", startedAt: at(20), closedAt: at(25), speeches: [], threads: [{ question, answers: [answer] }], peerVoters: 0 },
    ],
    motion: { before: motion, after: null, persuasion: null },
    polls: [motion, cloud],
    quiz: [
      {
        questionId: "qq1",
        position: 1,
        itemId: "rainsy-abroad",
        kind: "single",
        prompt: "Where was Sam Rainsy?",
        options: ["Paris", "Phnom Penh"],
        unit: null,
        multiplier: 1,
        key: { correct: { choices: [0] }, explanation: "He lived abroad.", source },
        status: "closed",
        answered: 1,
        correct: 1,
        shareCorrect: 1,
        averageMs: 2500,
        distribution: [
          { label: "Paris", count: 1, correct: true },
          { label: "Phnom Penh", count: 0, correct: false },
        ],
        wrong: [{ label: "Phnom Penh", count: 0 }],
      },
    ],
    answers: [
      { questionId: "qq1", position: 1, participantId: "p-ana", sideId: "gov", answer: { choices: [0] }, answerText: "Paris", credit: 1, correct: true, elapsedMs: 2500, points: 875, streak: 1 },
      { questionId: "qq1", position: 1, participantId: "p-ben", sideId: "opp", answer: { choices: [1] }, answerText: "Phnom Penh", credit: 0, correct: false, elapsedMs: 4000, points: 0, streak: 0 },
    ],
    votes: [
      { pollId: "poll1", position: 1, participantId: "p-ana", choices: [0], answerText: "For", hidden: false, votedAt: at(40, 5) },
      { pollId: "poll1", position: 1, participantId: "p-ben", choices: [1], answerText: "Against", hidden: false, votedAt: at(40, 9) },
      { pollId: "poll2", position: 2, participantId: null, choices: [], answerText: "+growth", hidden: false, votedAt: null },
      { pollId: "poll2", position: 2, participantId: null, choices: [], answerText: "roads", hidden: true, votedAt: null },
    ],
    standings: {
      sides: [
        { id: "gov", name: "Government", total: 158, breakdown: breakdown(86, 10, -30, 92, 0) },
        { id: "opp", name: "Opposition, CNRP", total: -20, breakdown: breakdown(0, 0, -20, 0, 0) },
      ],
      individuals: [
        { id: "p-ana", name: "Ana", total: 88, breakdown: breakdown(86, 10, -30, 22, 0) },
        { id: "p-hyp", name: '=HYPERLINK("http://x")', total: 88, breakdown: breakdown(88, 0, 0, 0, 0) },
      ],
      ledger: [],
    },
  };
}

const lines = (...rows: string[]) => BOM + rows.map((r) => `${r}\r\n`).join("");
/** The file as a spreadsheet reads it: a row per record, each a list of cells. */
const cells = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false });

describe("review exports", () => {
  const review = sampleReview();

  it("writes arguments.csv: one row per speech, question and answer, by round then time", () => {
    expect(reviewCsv(review, "arguments.csv")).toBe(
      lines(
        "round_number,round_title,argument_id,kind,author,author_removed,side,side_id,text,cited_cards,target_side,reply_to,submitted_at,rubric_points,peer_votes,challenges_upheld,challenges_rejected",
        "3,Opening statements,a0,speech,Ben,yes,\"Opposition, CNRP\",opp,'=1+1,,,,2025-03-14T09:05:10.000Z,0,0,0,0",
        '3,Opening statements,a1,speech,Ana,no,Government,gov,"Growth, ""jobs"" and\r\nroads.",c1; c2,,,2025-03-14T09:05:30.000Z,86,1,1,1',
        "5,Crossfire,q1,question,\"'=HYPERLINK(\"\"http://x\"\")\",no,Government,gov,Why?,,\"Opposition, CNRP\",,2025-03-14T09:20:00.000Z,0,0,0,0",
        "5,Crossfire,q2,answer,Ben,yes,\"Opposition, CNRP\",opp,'-Because.,,,q1,2025-03-14T09:21:00.000Z,0,0,0,0",
      ),
    );
  });

  it("writes ballots.csv: a score column per rubric criterion, in the rubric's order", () => {
    expect(reviewCsv(review, "ballots.csv")).toBe(
      lines(
        "argument_id,round_number,author,side,judge,score_argument,score_evidence,ballot_points,comment",
        "a1,3,Ana,Government,Ms Sokha,4,3,72,\"Clear, but cite more.\"",
        "a1,3,Ana,Government,Ms Sokha,5,5,100,",
      ),
    );
  });

  it("writes quiz-answers.csv: answers in words, yes/no, removed students kept", () => {
    expect(reviewCsv(review, "quiz-answers.csv")).toBe(
      lines(
        "question_number,item_id,question,student,student_removed,side,answer,correct,credit,response_ms,points,streak",
        "1,rainsy-abroad,Where was Sam Rainsy?,Ana,no,Government,Paris,yes,1,2500,875,1",
        "1,rainsy-abroad,Where was Sam Rainsy?,Ben,yes,\"Opposition, CNRP\",Phnom Penh,no,0,4000,0,0",
      ),
    );
  });

  it("writes poll-votes.csv: an anonymous poll's votes name no one and carry no time", () => {
    expect(reviewCsv(review, "poll-votes.csv")).toBe(
      lines(
        "poll_number,poll_id,question,kind,phase,student,side,answer,voted_at,hidden",
        "1,poll1,Should the US engage?,motion,before,Ana,Government,For,2025-03-14T09:40:05.000Z,no",
        "1,poll1,Should the US engage?,motion,before,Ben,\"Opposition, CNRP\",Against,2025-03-14T09:40:09.000Z,no",
        "2,poll2,One word?,text,,,,'+growth,,no",
        "2,poll2,One word?,text,,,,roads,,yes",
      ),
    );
  });

  it("writes standings.csv: sides then students, equal totals sharing a rank, negative numbers as numbers", () => {
    expect(reviewCsv(review, "standings.csv")).toBe(
      lines(
        "kind,rank,name,side,rubric,peer_votes,challenges,quiz,audience,total",
        "side,1,Government,Government,86,10,-30,92,0,158",
        "side,2,\"Opposition, CNRP\",\"Opposition, CNRP\",0,0,-20,0,0,-20",
        "student,1,Ana,Government,86,10,-30,22,0,88",
        "student,1,\"'=HYPERLINK(\"\"http://x\"\")\",Government,88,0,0,0,0,88",
      ),
    );
  });

  it("neutralises every string cell a spreadsheet would run as a formula, and only those", () => {
    const bodies = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", " =1", "1-2", "plain"];
    const round = review.rounds[0];
    const speeches = bodies.map((body, i) => argument({ id: `b${i}`, roundId: round.id, participantId: "p-ana", author: "Ana", sideId: "gov", body, createdAt: at(6, i) }));
    const csv = reviewCsv({ ...review, rounds: [{ ...round, speeches }] }, "arguments.csv");
    const texts = cells(csv).slice(1).map((row) => row[8]);
    expect(texts).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", " =1", "1-2", "plain"]);
  });

  it("keeps commas, quotes and line breaks in student text through a CSV parser", () => {
    const body = 'He said "no, never",\nthen left;\r\n"quoted" at the end,';
    const round = review.rounds[0];
    const speech = argument({ id: "t1", roundId: round.id, participantId: "p-ana", author: "Ana, \"the\" first", sideId: "gov", body, createdAt: at(6) });
    const rows = cells(reviewCsv({ ...review, rounds: [{ ...round, speeches: [speech] }] }, "arguments.csv"));
    expect(rows).toHaveLength(2);
    expect(rows[1][4]).toBe('Ana, "the" first');
    expect(rows[1][8]).toBe(body);
  });

  it("starts every CSV with a byte order mark and a header, and ends each line with CRLF", () => {
    for (const file of CSV_FILES) {
      const csv = reviewCsv(review, file);
      expect(csv.startsWith(BOM)).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    }
  });

  it("writes session.json: the whole review, with its format and export time", () => {
    const json = JSON.parse(reviewJson(review, new Date(at(55))));
    expect(json).toEqual({ format: "rostrum-session", formatVersion: 1, exportedAt: "2025-03-14T09:55:00.000Z", review });
  });

  it("is documented in README.md: every column of every file, in order", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Exports"), readme.indexOf("## Benchmark"));
    const documented = (file: CsvFile) => {
      const table = section.slice(section.indexOf(`**\`${file}\`**`)).split("\n\n")[1];
      return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).flatMap((name) => (name === "score_<criterion id>" ? rubric.map((c) => `score_${c.id}`) : [name]));
    };
    for (const file of CSV_FILES) expect(documented(file), file).toEqual(cells(reviewCsv(review, file))[0]);
  });
});
