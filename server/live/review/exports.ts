// The teacher's downloads of a session's review: one CSV file per kind of record, for a
// spreadsheet, and the whole review as JSON. The column names are a published format (README.md
// "Exports"): a new column goes at the end of its file, and none is ever renamed. Pure: the same
// review always gives the same bytes (the JSON's export time aside).
import { stringify } from "csv-stringify/sync";
import type { Rubric, Standing } from "../scoring/debate";
import type { ReviewAnswer, ReviewArgument, ReviewBallot, ReviewPerson, ReviewPoll, ReviewRound, ReviewVote, SessionReview } from "./types";
import { competitionRanks } from "../scoring/ranks";
import { ARGUMENT_KIND_NAMES } from "../debate/kinds";
import type { CsvFile, ExportFile } from "./files";
import { roundArguments } from "./rounds";

export { CSV_FILES, isExportFile, type CsvFile, type ExportFile } from "./files";


/** A cell before writing: booleans become yes/no, dates ISO 8601 UTC, null an empty cell. */
type Cell = string | number | boolean | Date | null;
/** What every column can look up: names of sides and people, by id. */
type Lookup = { side(id: string | null): string | null; person(id: string | null): ReviewPerson | null };
type Column<Row> = { name: string; value(row: Row, lookup: Lookup): Cell };
const column = <Row>(name: string, value: Column<Row>["value"]): Column<Row> => ({ name, value });

const time = (ms: number | null) => (ms === null ? null : new Date(ms));

// ---- arguments.csv: one row per speech, crossfire question and answer, by round then time
type ArgumentRow = { round: ReviewRound; argument: ReviewArgument };
const ruled = (a: ReviewArgument, status: "upheld" | "rejected") => a.challenges.filter((c) => c.status === status).length;
const ARGUMENT_COLUMNS: Column<ArgumentRow>[] = [
  column("round_number", ({ round }) => round.index + 1),
  column("round_title", ({ round }) => round.title),
  column("argument_id", ({ argument }) => argument.id),
  column("kind", ({ argument }) => ARGUMENT_KIND_NAMES[argument.kind]),
  column("author", ({ argument }) => argument.author),
  column("author_removed", ({ argument }, { person }) => person(argument.participantId)?.removed ?? false),
  column("side", ({ argument }, { side }) => side(argument.sideId)),
  column("side_id", ({ argument }) => argument.sideId),
  column("text", ({ argument }) => argument.body),
  column("cited_cards", ({ argument }) => argument.cards.map((c) => c.id).join("; ")),
  column("target_side", ({ argument }, { side }) => side(argument.targetSideId)),
  column("reply_to", ({ argument }) => argument.replyTo),
  column("submitted_at", ({ argument }) => time(argument.createdAt)),
  column("rubric_points", ({ argument }) => argument.rubricPoints),
  column("peer_votes", ({ argument }) => argument.peerVotes),
  column("challenges_upheld", ({ argument }) => ruled(argument, "upheld")),
  column("challenges_rejected", ({ argument }) => ruled(argument, "rejected")),
];

/** Every argument of every round, in plan order, then oldest first. */
function argumentRows(review: SessionReview): ArgumentRow[] {
  return review.rounds.flatMap((round) =>
    roundArguments(round)
      // A stable sort: within a millisecond, the stored order (the database keeps microseconds), not the ids' random order.
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((argument) => ({ round, argument })),
  );
}

// ---- ballots.csv: one row per ballot, in the order of arguments.csv; a score column per rubric criterion
type BallotRow = ArgumentRow & { ballot: ReviewBallot };
const ballotColumns = (rubric: Rubric): Column<BallotRow>[] => [
  column("argument_id", ({ argument }) => argument.id),
  column("round_number", ({ round }) => round.index + 1),
  column("author", ({ argument }) => argument.author),
  column("side", ({ argument }, { side }) => side(argument.sideId)),
  column("judge", ({ ballot }) => ballot.judge),
  ...rubric.map((criterion) => column<BallotRow>(`score_${criterion.id}`, ({ ballot }) => ballot.scores[criterion.id] ?? null)),
  column("ballot_points", ({ ballot }) => ballot.points),
  column("comment", ({ ballot }) => ballot.comment),
];

// ---- quiz-answers.csv: one row per stored answer, by question number then time
type AnswerRow = { answer: ReviewAnswer; question: { itemId: string; prompt: string } };
const ANSWER_COLUMNS: Column<AnswerRow>[] = [
  column("question_number", ({ answer }) => answer.position),
  column("item_id", ({ question }) => question.itemId),
  column("question", ({ question }) => question.prompt),
  column("student", ({ answer }, { person }) => person(answer.participantId)?.name ?? null),
  column("student_removed", ({ answer }, { person }) => person(answer.participantId)?.removed ?? false),
  column("side", ({ answer }, { side }) => side(answer.sideId)),
  column("answer", ({ answer }) => answer.answerText),
  column("correct", ({ answer }) => answer.correct),
  column("credit", ({ answer }) => answer.credit),
  column("response_ms", ({ answer }) => answer.elapsedMs),
  column("points", ({ answer }) => answer.points),
  column("streak", ({ answer }) => answer.streak),
];

/** The review's answers are already by question, then as stored; each comes with its question. */
function answerRows(review: SessionReview): AnswerRow[] {
  const questions = new Map(review.quiz.map((q) => [q.questionId, q]));
  return review.answers.map((answer) => ({ answer, question: questions.get(answer.questionId)! }));
}

// ---- poll-votes.csv: one row per vote, by poll number (an anonymous poll's votes name no one and carry no time)
type VoteRow = { vote: ReviewVote; poll: ReviewPoll };
const VOTE_COLUMNS: Column<VoteRow>[] = [
  column("poll_number", ({ vote }) => vote.position),
  column("poll_id", ({ poll }) => poll.id),
  column("question", ({ poll }) => poll.prompt),
  column("kind", ({ poll }) => poll.kind),
  column("phase", ({ poll }) => poll.phase),
  column("student", ({ vote }, { person }) => person(vote.participantId)?.name ?? null),
  column("side", ({ vote }, { person, side }) => side(person(vote.participantId)?.sideId ?? null)),
  column("answer", ({ vote }) => vote.answerText),
  column("voted_at", ({ vote }) => time(vote.votedAt)),
  column("hidden", ({ vote }) => vote.hidden),
];

/** The review's votes are already by poll (an anonymous poll's in the order of their answers, which gives no one away). */
function voteRows(review: SessionReview): VoteRow[] {
  const polls = new Map(review.polls.map((p) => [p.id, p]));
  return review.votes.map((vote) => ({ vote, poll: polls.get(vote.pollId)! }));
}

// ---- standings.csv: sides, then students, each highest total first; equal totals share a rank
type StandingRow = { kind: "side" | "student"; rank: number; standing: Standing };
const STANDING_COLUMNS: Column<StandingRow>[] = [
  column("kind", ({ kind }) => kind),
  column("rank", ({ rank }) => rank),
  column("name", ({ standing }) => standing.name),
  column("side", ({ kind, standing }, { person, side }) => (kind === "side" ? standing.name : side(person(standing.id)?.sideId ?? null))),
  column("rubric", ({ standing }) => standing.breakdown.rubric),
  column("peer_votes", ({ standing }) => standing.breakdown.peerVotes),
  column("challenges", ({ standing }) => standing.breakdown.challenges),
  column("quiz", ({ standing }) => standing.breakdown.quiz),
  column("audience", ({ standing }) => standing.breakdown.audience),
  column("total", ({ standing }) => standing.total),
];

/** Standings in the scoring rules' order (highest total first), with competition ranks (1, 2, 2, 4). */
function ranked(kind: StandingRow["kind"], standings: readonly Standing[]): StandingRow[] {
  const ranks = competitionRanks(standings, (s) => s.total);
  return standings.map((standing, i) => ({ kind, rank: ranks[i], standing }));
}

// ---- writing

/**
 * UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF line ends, a header row. Every
 * string cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading ' (OWASP "CSV Injection"): csv-stringify's escape_formulas,
 * which leaves numbers alone, so a negative number stays a number.
 */
function writeCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[], lookup: Lookup): string {
  return stringify(
    rows.map((row) => columns.map((c) => c.value(row, lookup))),
    {
      bom: true,
      record_delimiter: "windows",
      escape_formulas: true,
      header: true,
      columns: columns.map((c) => c.name),
      cast: { boolean: (value) => (value ? "yes" : "no"), date: (value) => value.toISOString() },
    },
  );
}

function lookupOf(review: SessionReview): Lookup {
  const sides = new Map(review.scenario.sides.map((s) => [s.id, s.name]));
  const people = new Map(review.people.map((p) => [p.id, p]));
  return {
    // A side the scenario no longer has keeps its id, rather than an empty cell.
    side: (id) => (id === null ? null : (sides.get(id) ?? id)),
    person: (id) => (id === null ? null : (people.get(id) ?? null)),
  };
}

/** One CSV export of a review. */
export function reviewCsv(review: SessionReview, file: CsvFile): string {
  const lookup = lookupOf(review);
  switch (file) {
    case "arguments.csv":
      return writeCsv(ARGUMENT_COLUMNS, argumentRows(review), lookup);
    case "ballots.csv": {
      const rows = argumentRows(review).flatMap((row) => row.argument.ballots.map((ballot) => ({ ...row, ballot })));
      return writeCsv(ballotColumns(review.scenario.rubric), rows, lookup);
    }
    case "quiz-answers.csv":
      return writeCsv(ANSWER_COLUMNS, answerRows(review), lookup);
    case "poll-votes.csv":
      return writeCsv(VOTE_COLUMNS, voteRows(review), lookup);
    case "standings.csv":
      return writeCsv(STANDING_COLUMNS, [...ranked("side", review.standings.sides), ...ranked("student", review.standings.individuals)], lookup);
  }
}

/** The whole review, for keeping or for another program. */
export function reviewJson(review: SessionReview, exportedAt = new Date()): string {
  return JSON.stringify({ format: "rostrum-session", formatVersion: 1, exportedAt: exportedAt.toISOString(), review }, null, 2);
}

/** An export file's body and its media type. */
export function exportFile(review: SessionReview, file: ExportFile): { body: string; contentType: string } {
  if (file === "session.json") return { body: reviewJson(review), contentType: "application/json; charset=utf-8" };
  return { body: reviewCsv(review, file), contentType: "text/csv; charset=utf-8" };
}
