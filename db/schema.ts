// One schema for both backends (PGlite and PostgreSQL). Rules that must hold under
// concurrency (unique emails, join codes, names in a session) are constraints here.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** Bumped by every command; clients drop events older than the snapshot they hold. */
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
  ],
);

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type ScenarioVersionRow = typeof scenarioVersions.$inferSelect;
export type LoginSessionRow = typeof loginSessions.$inferSelect;
export type RejoinRequestRow = typeof rejoinRequests.$inferSelect;
