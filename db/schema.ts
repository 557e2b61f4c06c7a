// One schema for both backends (PGlite and PostgreSQL). Rules that must hold under
// concurrency (unique emails, join codes, names in a session) are constraints here. Every
// column a cascade from `sessions` follows has an index: deleting a session deletes each of its
// rows through them, and without one each row would scan the whole table (seconds for a big
// class, holding the session's locks and, on PGlite, the one connection).
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { PackedScenario, Scenario } from "../content/schema";

type Round = Scenario["rounds"][number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const teachers = pgTable("teachers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

/**
 * Every version of every scenario ever used; a session points at the version it started with.
 * Bundled packs are shared by every teacher; a teacher's imports are theirs alone, so an
 * import never changes what another teacher sees or starts.
 */
export const scenarioVersions = pgTable(
  "scenario_versions",
  {
    id: serial("id").primaryKey(),
    scenarioId: text("scenario_id").notNull(),
    version: integer("version").notNull(),
    /** The teacher whose import this is; null for the bundled packs everyone shares. */
    ownerId: uuid("owner_id").references(() => teachers.id),
    contentHash: text("content_hash").notNull(),
    content: jsonb("content").$type<PackedScenario>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("scenario_versions_bundled").on(t.scenarioId, t.version).where(sql`${t.ownerId} is null`),
    uniqueIndex("scenario_versions_owned").on(t.ownerId, t.scenarioId, t.version).where(sql`${t.ownerId} is not null`),
  ],
);

export const sessionStatuses = ["lobby", "live", "ended"] as const;

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => teachers.id),
    scenarioVersionId: integer("scenario_version_id")
      .notNull()
      .references(() => scenarioVersions.id),
    status: text("status", { enum: sessionStatuses }).notNull().default("lobby"),
    sidesLocked: boolean("sides_locked").notNull().default(false),
    capacity: integer("capacity").notNull(),
    /** The scenario's rounds as the teacher adapted them when starting the session. */
    roundPlan: jsonb("round_plan").$type<Round[]>().notNull(),
    /** Students see each speaking round's arguments as they are submitted, or only once the teacher reveals them. */
    argumentsLive: boolean("arguments_live").notNull().default(false),
    /** What the scoreboard shows to the projector and the students: nothing, side totals, or individual standings too. */
    scoreboard: text("scoreboard", { enum: ["hidden", "sides", "individuals"] }).notNull().default("hidden"),
    /** Quiz points fall with answer time (Kahoot's formula), or every correct answer earns full points. */
    quizSpeed: boolean("quiz_speed").notNull().default(true),
    /** Consecutive correct answers earn a streak bonus. */
    quizStreak: boolean("quiz_streak").notNull().default(true),
    /** Word-cloud entries pass the profanity filter. */
    pollFilter: boolean("poll_filter").notNull().default(true),
    /** Bumped by every teacher command; clients drop events older than the snapshot they hold. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("sessions_teacher").on(t.teacherId, t.createdAt)],
);

export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    /** Lower-cased, white space folded: what "the same name" means in a session. */
    nameKey: text("name_key").notNull(),
    sideId: text("side_id"),
    /** SHA-256 of the rejoin token: a leaked table cannot be used to take a seat. */
    tokenHash: text("token_hash").notNull().unique(),
    /** Made by the join form: the same form sent twice (a double tap on slow Wi-Fi) is one seat. */
    joinId: uuid("join_id"),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("participants_session_name").on(t.sessionId, t.nameKey).where(sql`${t.removedAt} is null`),
    index("participants_session").on(t.sessionId, t.joinedAt),
    uniqueIndex("participants_session_join").on(t.sessionId, t.joinId).where(sql`${t.joinId} is not null`),
  ],
);

/**
 * A teacher's signed-in browser. The cookie holds a random token and this table its SHA-256,
 * so logging out (or out everywhere) revokes it at once, and a leaked table opens nothing.
 */
export const loginSessions = pgTable(
  "login_sessions",
  {
    id: text("id").primaryKey(),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("login_sessions_teacher").on(t.teacherId)],
);

export const rejoinStatuses = ["pending", "approved", "refused"] as const;

/**
 * A student who lost their seat's cookie (a new phone, a private tab) asks for the seat back
 * under their name; the teacher approves, and the seat's token becomes this request's.
 */
export const rejoinRequests = pgTable(
  "rejoin_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** SHA-256 of the token the asking device holds; it becomes the seat's token on approval. */
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status", { enum: rejoinStatuses }).notNull().default("pending"),
    createdAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rejoin_requests_pending").on(t.participantId).where(sql`${t.status} = 'pending'`),
    index("rejoin_requests_session").on(t.sessionId, t.createdAt),
    index("rejoin_requests_participant").on(t.participantId),
  ],
);

export const roundStatuses = ["open", "paused", "closed", "skipped"] as const;

/**
 * One round of the session's plan as it was run (or skipped). The clock is stored, not kept in
 * memory: `endsAt` is the deadline while open, `remainingMs` what is left while paused, so a
 * restart re-arms the same deadline. At most one round per session is open or paused.
 */
export const rounds = pgTable(
  "rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** The round's place in the session's round plan. */
    planIndex: integer("plan_index").notNull(),
    status: text("status", { enum: roundStatuses }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, precision: 3 }),
    remainingMs: integer("remaining_ms").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When the teacher showed this round's arguments to everyone (null: not yet, unless live). */
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rounds_session_plan").on(t.sessionId, t.planIndex),
    uniqueIndex("rounds_session_running").on(t.sessionId).where(sql`${t.status} in ('open', 'paused')`),
  ],
);

export const argumentKinds = ["argument", "question", "answer"] as const;

/**
 * What a student submits in a round: a speech (`argument`, one per student per round, editable
 * while the round is open), or in crossfire a `question` to a named side and `answer`s to it.
 * The side is the author's side when writing, so a later move does not change whose points it earns.
 */
export const debateArguments = pgTable(
  "arguments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    sideId: text("side_id").notNull(),
    kind: text("kind", { enum: argumentKinds }).notNull(),
    body: text("body").notNull(),
    cardIds: jsonb("card_ids").$type<string[]>().notNull(),
    /** A question's addressee. */
    targetSideId: text("target_side_id"),
    /** The question an answer replies to. */
    replyTo: uuid("reply_to"),
    /** Made by the student's phone, so a retried question or answer is stored once. */
    clientId: uuid("client_id").notNull(),
    /** Bumped by each edit, so a client keeps the newest copy whichever event arrives last. */
    revision: integer("revision").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("arguments_one_speech").on(t.roundId, t.participantId).where(sql`${t.kind} = 'argument'`),
    uniqueIndex("arguments_client").on(t.participantId, t.clientId),
    index("arguments_round").on(t.roundId, t.createdAt),
    index("arguments_session").on(t.sessionId),
  ],
);

/** A judge's rubric scores for one argument; scoring again replaces it. */
export const ballots = pgTable(
  "ballots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    argumentId: uuid("argument_id")
      .notNull()
      .references(() => debateArguments.id, { onDelete: "cascade" }),
    judgeId: uuid("judge_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    comment: text("comment").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ballots_judge_argument").on(t.argumentId, t.judgeId)],
);

/** A student's vote for the most persuasive argument of a closed round, from another side. */
export const peerVotes = pgTable(
  "peer_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    voterId: uuid("voter_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    argumentId: uuid("argument_id")
      .notNull()
      .references(() => debateArguments.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("peer_votes_one_per_round").on(t.roundId, t.voterId),
    index("peer_votes_argument").on(t.argumentId),
    index("peer_votes_voter").on(t.voterId),
  ],
);

export const challengeStatuses = ["open", "upheld", "rejected"] as const;

/** "The quote does not say that": a student disputes an opposing argument's use of a card it cites. */
export const challenges = pgTable(
  "challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    argumentId: uuid("argument_id")
      .notNull()
      .references(() => debateArguments.id, { onDelete: "cascade" }),
    cardId: text("card_id").notNull(),
    challengerId: uuid("challenger_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** The challenger's side when challenging: it earns or loses the points. */
    challengerSideId: text("challenger_side_id").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: challengeStatuses }).notNull().default("open"),
    ruling: text("ruling"),
    createdAt: createdAt(),
    ruledAt: timestamp("ruled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("challenges_one_open").on(t.challengerId).where(sql`${t.status} = 'open'`),
    uniqueIndex("challenges_once").on(t.challengerId, t.argumentId, t.cardId),
    index("challenges_session").on(t.sessionId, t.createdAt),
    index("challenges_argument").on(t.argumentId),
  ],
);

export const pollKinds = ["motion", "scale", "choice", "multiple", "text"] as const;
export const itemStatuses = ["open", "closed"] as const;

/**
 * A poll as it was run in a session: one of the scenario's (a plan round or launched ad hoc) or
 * typed by the teacher on the spot. Its question and options are copied here, so the record
 * stays what students saw. At most one poll per session is open.
 */
export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** The plan round that runs it; null for a poll launched ad hoc. */
    roundId: uuid("round_id").references(() => rounds.id, { onDelete: "cascade" }),
    /** The scenario's poll it came from; null when the teacher typed it. */
    scenarioPollId: text("scenario_poll_id"),
    kind: text("kind", { enum: pollKinds }).notNull(),
    prompt: text("prompt").notNull(),
    /** The labels students choose from (empty for text); a vote stores indexes into this list. */
    options: jsonb("options").$type<string[]>().notNull(),
    /** A motion poll's place around the debate: the persuasion result compares the two. */
    phase: text("phase", { enum: ["before", "after"] }),
    /** Results shown as votes arrive, or only once the teacher reveals them. */
    results: text("results", { enum: ["live", "hidden"] }).notNull(),
    /** No one, the teacher included, sees who voted what. */
    anonymous: boolean("anonymous").notNull().default(false),
    status: text("status", { enum: itemStatuses }).notNull().default("open"),
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
    /** Word-cloud entries (as counted: trimmed, lower case) the teacher hid from everyone. */
    hiddenEntries: jsonb("hidden_entries").$type<string[]>().notNull().default([]),
    openedAt: timestamp("opened_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("polls_one_open").on(t.sessionId).where(sql`${t.status} = 'open'`),
    index("polls_session").on(t.sessionId, t.openedAt),
    index("polls_round").on(t.roundId),
  ],
);

/** A student's vote: one per poll, and a change replaces it (the last one counts). */
export const pollVotes = pgTable(
  "poll_votes",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** The chosen options' indexes (one for motion, scale and choice; several for multiple). */
    choices: jsonb("choices").$type<number[]>().notNull(),
    /** A text poll's entry. */
    text: text("text"),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.participantId] }), index("poll_votes_participant").on(t.participantId)],
);

/**
 * A quiz question as asked: an item of the scenario's bank with its own deadline. At most one
 * question per session is open; `position` numbers them in the order asked.
 */
export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** The plan's quiz round it was asked in; null when asked ad hoc. */
    roundId: uuid("round_id").references(() => rounds.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    position: integer("position").notNull(),
    /** 0, 1 or 2: the question's points multiplier (0 counts for nothing, streaks included). */
    multiplier: integer("multiplier").notNull().default(1),
    status: text("status", { enum: itemStatuses }).notNull().default("open"),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, precision: 3 }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("quiz_questions_one_open").on(t.sessionId).where(sql`${t.status} = 'open'`),
    uniqueIndex("quiz_questions_position").on(t.sessionId, t.position),
    index("quiz_questions_round").on(t.roundId),
  ],
);

/**
 * A student's answer: one per question, final. `credit` (0 to 1) is set when it is stored;
 * points and the streak are set when the question closes, from the session's settings then.
 * The side is the student's when answering, for side totals.
 */
export const quizAnswers = pgTable(
  "quiz_answers",
  {
    questionId: uuid("question_id")
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    sideId: text("side_id"),
    answer: jsonb("answer").$type<QuizAnswerValue>().notNull(),
    credit: real("credit").notNull(),
    /** From the question's start to the server receiving the answer. */
    elapsedMs: integer("elapsed_ms").notNull(),
    points: integer("points"),
    streak: integer("streak"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.participantId] }), index("quiz_answers_participant").on(t.participantId)],
);

/** What a student answered: option indexes (single, multiple, and true/false as ["True", "False"]) or a number. */
export type QuizAnswerValue = { choices: number[] } | { number: number };

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type ScenarioVersionRow = typeof scenarioVersions.$inferSelect;
export type LoginSessionRow = typeof loginSessions.$inferSelect;
export type RejoinRequestRow = typeof rejoinRequests.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type ArgumentRow = typeof debateArguments.$inferSelect;
export type BallotRow = typeof ballots.$inferSelect;
export type PeerVoteRow = typeof peerVotes.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;
export type PollRow = typeof polls.$inferSelect;
export type PollVoteRow = typeof pollVotes.$inferSelect;
export type QuizQuestionRow = typeof quizQuestions.$inferSelect;
export type QuizAnswerRow = typeof quizAnswers.$inferSelect;
