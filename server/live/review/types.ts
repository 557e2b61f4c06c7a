// The review of a session: its whole record, read from the database alone, for the teacher's
// review page, the exports and each student's own review. Types only: the browser imports them.
import type { QuizAnswerValue, SessionRow } from "../../../db/schema";
import type { PointEntry, Standing } from "../scoring/debate";
import type { ArgumentView, CardView, ChallengeView, Persuasion, PollKind, QuizKey, QuizKind, RoundKind, Rubric, Settings, SideSummary, WordCloudEntry } from "../views/types";

/** Everyone who sat in the session, in join order; `name` is an anonymous label when the review is anonymised. */
export type ReviewPerson = { id: string; name: string; sideId: string | null; removed: boolean };

export type ReviewBallot = { judge: string; scores: Record<string, number>; comment: string; points: number };

export type ReviewChallenge = ChallengeView & { ruledAt: number | null };

/** An argument as stored, with what it earned: its ballots, its rubric points, its peer votes and the challenges to it. */
export type ReviewArgument = Omit<ArgumentView, "revision" | "challenges"> & {
  ballots: ReviewBallot[];
  /** The mean of its ballots' points (0 while unscored). */
  rubricPoints: number;
  peerVotes: number;
  /** Every challenge to it, open ones too, in the order made. */
  challenges: ReviewChallenge[];
};

/** A crossfire question and the answers given to it. */
export type ReviewThread = { question: ReviewArgument; answers: ReviewArgument[] };

/** A round of the plan that was run or skipped, in plan order. */
export type ReviewRound = {
  id: string;
  index: number;
  kind: RoundKind;
  title: string;
  sides: string[];
  status: "open" | "paused" | "closed" | "skipped";
  startedAt: number;
  closedAt: number | null;
  /** Speeches (one per student), oldest first. */
  speeches: ReviewArgument[];
  /** Crossfire: questions with their answers, oldest first. */
  threads: ReviewThread[];
  /** How many students cast a peer vote in this round. */
  peerVoters: number;
};

/** A poll as it ran, with its result as the class saw it (hidden word-cloud entries left out). */
export type ReviewPoll = {
  id: string;
  /** 1, 2, … in the order the session ran them. */
  position: number;
  kind: PollKind;
  prompt: string;
  options: string[];
  phase: "before" | "after" | null;
  anonymous: boolean;
  status: "open" | "closed";
  openedAt: number;
  closedAt: number | null;
  /** Votes of students still seated, and how many were seated when the review was read. */
  voted: number;
  of: number;
  /** Votes per option (a multiple-choice vote counts for each option chosen); null for text polls. */
  counts: number[] | null;
  /** Text polls: the word cloud, most frequent first. */
  cloud: WordCloudEntry[] | null;
};

export type ReviewMotion = {
  /** The motion polls the persuasion result compares (the last closed pair). */
  before: ReviewPoll | null;
  after: ReviewPoll | null;
  persuasion: Persuasion | null;
};

/** How the class did on one question: what a teacher needs to see which facts were missed. */
export type QuizItemAnalysis = {
  questionId: string;
  position: number;
  itemId: string;
  kind: QuizKind;
  prompt: string;
  options: string[];
  unit: string | null;
  multiplier: number;
  /** Open: answers are still arriving, and the figures below are not final. */
  status: "open" | "closed";
  key: QuizKey;
  /** Answers from students still seated, and how many of them were fully right. */
  answered: number;
  correct: number;
  /** correct / answered, 0 to 1; null with no answers. */
  shareCorrect: number | null;
  /** Mean time to answer, in ms; null with no answers. */
  averageMs: number | null;
  /** One bar per option (numeric: within tolerance, and the rest), as the class saw it live. */
  distribution: { label: string; count: number; correct: boolean }[];
  /** Wrong answers and how often each was chosen, most first: every wrong option (0s included), or a numeric question's wrong values. */
  wrong: { label: string; count: number }[];
};

/** One student's answer to one question. */
export type ReviewAnswer = {
  questionId: string;
  position: number;
  participantId: string;
  sideId: string | null;
  answer: QuizAnswerValue;
  /** The answer as the exports write it: the options chosen joined by "; ", or the number with its unit. */
  answerText: string;
  credit: number;
  correct: boolean;
  elapsedMs: number;
  /** Null while the question is open (points are set when it closes). */
  points: number | null;
  streak: number | null;
};

/** One student's vote; `participantId` is null in an anonymous poll, which no one may tie to a student. */
export type ReviewVote = {
  pollId: string;
  position: number;
  participantId: string | null;
  choices: number[];
  /** The options chosen in words, or the text entry (empty for an entry the teacher hid, in an anonymous review). */
  answerText: string;
  /** A word-cloud entry the teacher hid from the class. */
  hidden: boolean;
  votedAt: number | null;
};

export type ReviewStandings = {
  sides: Standing[];
  individuals: Standing[];
  /** Every point's origin: the standings' totals are these entries added up. */
  ledger: PointEntry[];
};

export type SessionReview = {
  session: {
    id: string;
    code: string;
    status: SessionRow["status"];
    createdAt: number;
    endedAt: number | null;
    capacity: number;
    settings: Settings;
  };
  scenario: { id: string; version: number; title: string; motion: string; sides: SideSummary[]; rubric: Rubric };
  /** Names are anonymous labels ("Student 1", …) when the teacher chose to project the review. */
  anonymous: boolean;
  people: ReviewPerson[];
  rounds: ReviewRound[];
  motion: ReviewMotion;
  /** Every poll run, motion polls included, in order. */
  polls: ReviewPoll[];
  /** Hardest first: lowest share correct, then in the order asked. */
  quiz: QuizItemAnalysis[];
  answers: ReviewAnswer[];
  votes: ReviewVote[];
  standings: ReviewStandings;
};

/**
 * What the teacher's review page shows: the review without every answer and vote (a class of
 * 2,000 has tens of thousands; the page shows the quiz analysis and poll results made from
 * them). The exports keep the whole review. See `reviewPage` in ./page.ts.
 */
export type ReviewPage = Omit<SessionReview, "answers" | "votes">;

/** A student's own review: their words, scores and answers, their side's result; nobody else's. */
export type StudentReview = {
  session: { code: string; title: string; motion: string; status: SessionRow["status"]; endedAt: number | null };
  me: { id: string; name: string; removed: boolean; side: SideSummary | null };
  /** Every side's name (as the projector shows them): a crossfire question names the side it asked. */
  sides: SideSummary[];
  rubric: Rubric;
  /** Their speeches, questions and answers, each with the round it was in, ballots with comments, and peer votes received. */
  arguments: (ReviewArgument & { roundTitle: string; roundIndex: number })[];
  /** The challenges they made, with the teacher's rulings. */
  challenges: (ReviewChallenge & { card: CardView | null })[];
  /** Closed questions, in the order asked: what they answered (null: no answer), the right answer and why. */
  quiz: {
    questionId: string;
    position: number;
    prompt: string;
    /** As the live question showed them, to word the answers as it did. */
    options: string[];
    unit: string | null;
    answer: ReviewAnswer | null;
    key: QuizKey;
  }[];
  /** Their own standing with its breakdown and its entries. */
  standing: (Standing & { entries: PointEntry[] }) | null;
  /** Their side's standing and place among the sides; null while the teacher keeps the scoreboard hidden during the session. */
  side: (Standing & { rank: number; of: number }) | null;
};
