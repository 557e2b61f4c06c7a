// What each audience is sent. Full views go out at connect and reconnect (a snapshot); after
// that, events carry the small deltas below. Types only: the browser imports them too.
import type { EvidenceCard, Scenario, Side, Source } from "../../../content/schema";
import type { SessionRow } from "../../../db/schema";
import type { Standing } from "../scoring/debate";

export type SideSummary = { id: string; name: string; stance: Side["stance"] };
export type CardView = Omit<EvidenceCard, "source"> & { source: Source };
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
export type Settings = { argumentsLive: boolean; scoreboard: SessionRow["scoreboard"] };

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
};

export type View = HostView | ProjectorView | ParticipantView;
