// The files a review exports, with what each holds: one list for the download route and the
// review page's links. Browser-safe (no CSV writer here).
export const EXPORTS = [
  { file: "arguments.csv", what: "Speeches, questions and answers" },
  { file: "ballots.csv", what: "Your ballots" },
  { file: "quiz-answers.csv", what: "Quiz answers" },
  { file: "poll-votes.csv", what: "Poll votes" },
  { file: "standings.csv", what: "Standings" },
  { file: "session.json", what: "The whole session (JSON)" },
] as const;

export type ExportFile = (typeof EXPORTS)[number]["file"];
export type CsvFile = Exclude<ExportFile, "session.json">;
const EXPORT_FILES: readonly ExportFile[] = EXPORTS.map((e) => e.file);
export const isExportFile = (name: string | undefined): name is ExportFile => EXPORT_FILES.some((f) => f === name);
export const CSV_FILES = EXPORT_FILES.filter((f): f is CsvFile => f.endsWith(".csv"));
