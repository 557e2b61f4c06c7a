// What each audience is sent. Full views go out at connect and reconnect (a snapshot); after
// that, events carry the small deltas below. Types only: the browser imports them too.
import type { Scenario, Side, Source, StoredCard } from "../../../content/schema";
import type { QuizAnswerValue, SessionRow } from "../../../db/schema";
import type { Standing } from "../scoring/debate";

export type SideSummary = Pick<Side, "id" | "name" | "stance" | "leans">;
export type CardView = Omit<StoredCard, "source"> & { source: Source };
export type Rubric = Scenario["rubric"];
export type RoundKind = Scenario["rounds"][number]["kind"];

/** A round of the plan and where it stands; `roundId` once it has been run or skipped. */
export type PlanItem = {
  index: number;
  kind: RoundKind;
  title: string;
  sides: string[];
  seconds: number;
  status: "upcoming" | "open" | "paused" | "closed" | "skipped";
  roundId: string | null;
  /** Everyone may read its arguments (revealed, or crossfire). */
  revealed: boolean;
};

/** The round being run (open or paused), or the last one run; times are the server's epoch ms. */
export type RoundView = {
  id: string;
  index: number;
  kind: RoundKind;
  title: string;
  sides: string[];
  seconds: number;
  status: "open" | "paused" | "closed";
  /** The deadline while open. */
  endsAt: number | null;
  /** What is left while paused. */
  remainingMs: number;
  /** Everyone may read the round's arguments (the teacher revealed them, or shows them live). */
  revealed: boolean;
};

export type ChallengeView = {
  id: string;
  argumentId: string;
  cardId: string;
  challengerId: string;
  challenger: string;
  challengerSideId: string;
  reason: string;
  status: "open" | "upheld" | "rejected";
  ruling: string | null;
};

export type ArgumentView = {
  id: string;
  roundId: string;
  participantId: string;
  author: string;
  sideId: string;
  kind: "argument" | "question" | "answer";
  body: string;
  /** The cited cards with their full quotes and sources. */
  cards: CardView[];
  targetSideId: string | null;
  replyTo: string | null;
  /** Bumped by each edit: a client keeps the highest it has seen. */
  revision: number;
  createdAt: number;
  /** Ruled challenges are public; open ones only reach the teacher and the challenger. */
  challenges: ChallengeView[];
};

export type BallotView = { argumentId: string; scores: Record<string, number>; comment: string; points: number };

export type Scoreboard = { sides: Standing[]; individuals: Standing[] | null };
export type Settings = {
  argumentsLive: boolean;
  scoreboard: SessionRow["scoreboard"];
  /** Quiz points fall with answer time; off: every correct answer earns full points. */
  quizSpeed: boolean;
  /** Consecutive correct answers earn a streak bonus. */
  quizStreak: boolean;
  /** Word-cloud entries pass the profanity filter. */
  pollFilter: boolean;
};

// ---- Polls -------------------------------------------------------------------------------

export type PollKind = "motion" | "scale" | "choice" | "multiple" | "text";

/**
 * A poll's count, as one audience may see it. `seq` grows with every broadcast of the poll's
 * tally (a client keeps the highest). "N of M have voted" is always there; the results are null
 * while hidden from this audience (hidden and not revealed: everyone but the teacher).
 */
export type PollTally = {
  pollId: string;
  seq: number;
  /** Students who have voted, and students seated. */
  voted: number;
  of: number;
  /** Votes per option, in the poll's option order (a multiple-choice vote counts for each option chosen). */
  counts: number[] | null;
  /** Text polls: each entry as counted (trimmed, white space folded, lower case) and how often, most first. */
  cloud: WordCloudEntry[] | null;
};
/** `hidden` is only in the teacher's list: the teacher hid it, no one else gets it. */
export type WordCloudEntry = { text: string; count: number; hidden?: boolean };

export type PollView = {
  id: string;
  kind: PollKind;
  prompt: string;
  /** What students choose from (empty for text polls); votes are indexes into it. */
  options: string[];
  /** A motion poll's place around the debate. */
  phase: "before" | "after" | null;
  results: "live" | "hidden";
  anonymous: boolean;
  status: "open" | "closed";
  revealed: boolean;
  /** The plan round running it (its clock is the round's), or null when launched ad hoc. */
  roundId: string | null;
  tally: PollTally;
};

export type Stance3 = "for" | "against" | "undecided";
/** The motion polls compared, Oxford-style: shares in percent of each poll's votes. */
export type Persuasion = {
  before: { for: number; against: number; undecided: number; votes: number };
  after: { for: number; against: number; undecided: number; votes: number };
  /** Percentage points gained by each side of the motion, after minus before. */
  gain: { for: number; against: number };
  /** The side of the motion that gained the larger share of the room; "tie" when equal. */
  winner: "for" | "against" | "tie";
  /** Students who voted both times: how many moved from where to where (every pair, zeros included). */
  flow: { from: Stance3; to: Stance3; count: number }[];
  onlyBefore: number;
  onlyAfter: number;
};

export type PollsView = {
  /** The poll open now, or the last one run (its results stay up until the next). */
  current: PollView | null;
  /** Once both motion polls have closed: for the teacher at once, for others once the after poll's results are revealed. */
  persuasion: Persuasion | null;
};

/** A student's own vote in the current poll. */
export type MyVote = { pollId: string; choices: number[]; text: string | null };

// ---- Quiz --------------------------------------------------------------------------------

export type QuizKind = "single" | "multiple" | "truefalse" | "numeric";
export type { QuizAnswerValue } from "../../../db/schema";

export type QuizQuestionView = {
  id: string;
  itemId: string;
  /** 1, 2, … in the order the session asked them. */
  position: number;
  kind: QuizKind;
  prompt: string;
  /** Options for single and multiple; ["True", "False"] for true/false; empty for numeric. */
  options: string[];
  unit: string | null;
  /** Points multiplier: 0, 1 or 2. */
  multiplier: number;
  status: "open" | "closed";
  /** Server epoch ms. */
  startedAt: number;
  endsAt: number;
  roundId: string | null;
  /** The answer and its explanation: the teacher's at once, everyone's once the question closed. */
  key: QuizKey | null;
  /** Once closed: how the class answered, one bar per option (numeric: within tolerance, and the rest). */
  distribution: { label: string; count: number; correct: boolean }[] | null;
};
export type QuizKey = {
  /** Correct option indexes, or the number and its tolerance. */
  correct: { choices: number[] } | { number: number; tolerance: number };
  explanation: string;
  source: Source;
};

export type LeaderEntry = { participantId: string; name: string; sideId: string | null; points: number; rank: number };
/** A side's quiz total: its members' points averaged, so uneven sides are fair. */
export type SideQuizTotal = { sideId: string; name: string; points: number; members: number };

export type QuizView = {
  /** The question open now, or the last one asked. */
  question: QuizQuestionView | null;
  /** "N of M have answered" for the current question. */
  progress: { questionId: string; seq: number; answered: number; of: number } | null;
  /** Questions asked in this session, and in the bank. */
  asked: number;
  bank: number;
  /** While a plan quiz round runs (or was the last): how many of its questions were asked. */
  round: { roundId: string; asked: number; of: number } | null;
  /** The top five after the last closed question. */
  leaderboard: LeaderEntry[];
  /** Once a plan quiz round has closed: the top three and every side's total. */
  podium: { top: LeaderEntry[]; sides: SideQuizTotal[] } | null;
};

/** A student's own quiz state: their answer to the current question and how it went. */
export type MyQuiz = {
  answer: { questionId: string; value: QuizAnswerValue } | null;
  result: QuizResult | null;
  total: number;
  rank: number | null;
  streak: number;
};
export type QuizResult = {
  questionId: string;
  answered: boolean;
  correct: boolean;
  /** 0 to 1: a multiple-select answer earns part of the points. */
  credit: number;
  points: number;
  streak: number;
  total: number;
  rank: number;
};

/** For the teacher's console: the bank to pick from. */
export type QuizBankItem = { id: string; prompt: string; kind: QuizKind; seconds: number; points: number; asked: boolean };
export type ScenarioPollItem = { id: string; prompt: string; kind: PollKind; when: "before" | "after" | "any" };

/** What every audience shares about the debate. */
export type DebateView = {
  plan: PlanItem[];
  round: RoundView | null;
  /** The arguments this audience may read, oldest first. */
  arguments: ArgumentView[];
  settings: Settings;
  /** The scoreboard as this audience may see it (null when hidden from it). */
  scoreboard: Scoreboard | null;
};

type Common = {
  version: number;
  polls: PollsView;
  quiz: QuizView;
  /** The server's clock when the view was built, for the client's clock offset. */
  serverTime: number;
};

export type HostView = Common & {
  audience: "host";
  session: { id: string; code: string; status: SessionRow["status"]; sidesLocked: boolean; capacity: number };
  scenario: { id: string; title: string; motion: string; sides: SideSummary[]; rubric: Rubric; cards: CardView[] };
  participants: { id: string; name: string; sideId: string | null; online: boolean }[];
  /** Students asking to be let back into their seat from another device, oldest first. */
  rejoinRequests: { id: string; participantId: string; name: string }[];
  /** The scenario's polls and quiz bank, to launch from. */
  library: { polls: ScenarioPollItem[]; quiz: QuizBankItem[] };
  debate: DebateView & {
    ballots: BallotView[];
    /** Peer votes received per argument. */
    votes: Record<string, number>;
    challenges: ChallengeView[];
  };
};

export type ProjectorView = Common & {
  audience: "projector";
  session: { code: string; status: SessionRow["status"]; sidesLocked: boolean };
  scenario: { title: string; motion: string };
  sides: (SideSummary & { members: string[] })[];
  unassigned: string[];
  total: number;
  debate: DebateView;
};

export type ParticipantView = Common & {
  audience: "participant";
  session: { code: string; status: SessionRow["status"]; title: string; motion: string; sidesLocked: boolean };
  me: { id: string; name: string; removed: boolean };
  side: (Omit<Side, "cards"> & { cards: CardView[] }) | null;
  /** Every side's name, to show who said what. */
  sides: SideSummary[];
  debate: DebateView & {
    /** The argument this student voted for, per round. */
    myVotes: Record<string, string>;
    /** This student's challenges, open and ruled. */
    myChallenges: ChallengeView[];
  };
  myVote: MyVote | null;
  myQuiz: MyQuiz;
};

export type View = HostView | ProjectorView | ParticipantView;
