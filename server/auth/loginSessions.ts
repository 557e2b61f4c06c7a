// Teacher logins kept on the server, as in the Epic Stack: the browser's cookie holds a random
// token and the login_sessions table its SHA-256, so logging out (here or everywhere) revokes a
// login at once, and a leaked table opens nothing.
import { randomBytes } from "node:crypto";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginSessions } from "../../db/schema";
import { hashToken } from "../hashToken";

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A login nobody uses for two weeks ends: a classroom computer someone forgot to log out of
 * does not stay open for long, while a teacher who teaches weekly is not asked every lesson.
 */
export const LOGIN_IDLE_MS = 14 * DAY_MS;
/** Any login ends this long after it began, used or not (a stolen cookie does not last for ever). */
export const LOGIN_MAX_MS = 90 * DAY_MS;

type LoginTimes = { createdAt: Date; expiresAt: Date };

/**
 * The later expiry a login used at `now` gets (it slides, so an active teacher is not sent to
 * the log-in page in the middle of a lesson), or undefined when it is not worth a write: it is
 * renewed at most once a day, and never past LOGIN_MAX_MS after it began.
 */
export function renewedExpiry(login: LoginTimes, now: Date): Date | undefined {
  const next = Math.min(now.getTime() + LOGIN_IDLE_MS, login.createdAt.getTime() + LOGIN_MAX_MS);
  return next - login.expiresAt.getTime() >= DAY_MS ? new Date(next) : undefined;
}


export type Login = { id: string; teacherId: string };

/** `onEnded` hears the ids of logins that ended, to close what they had open (host sockets). */
export function createLoginSessions(db: Database, onEnded: (loginIds: string[]) => void) {
  const ended = (rows: { id: string }[]) => {
    if (rows.length > 0) onEnded(rows.map((r) => r.id));
  };

  return {
    /** Starts a login; the token goes into the browser's cookie and nowhere else. */
    async start(teacherId: string): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      const now = new Date();
      // The teacher's ended logins are cleared as they log in again, so the table stays small.
      await db.delete(loginSessions).where(and(eq(loginSessions.teacherId, teacherId), lte(loginSessions.expiresAt, now)));
      await db.insert(loginSessions).values({ id: hashToken(token), teacherId, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_IDLE_MS) });
      return token;
    },

    /** The login a cookie's token opens; undefined once it was logged out or has expired. */
    async find(token: string): Promise<Login | undefined> {
      const now = new Date();
      const [row] = await db
        .select()
        .from(loginSessions)
        .where(and(eq(loginSessions.id, hashToken(token)), gt(loginSessions.expiresAt, now)));
      if (!row) return undefined;
      const expiresAt = renewedExpiry(row, now);
      if (expiresAt) await db.update(loginSessions).set({ expiresAt }).where(eq(loginSessions.id, row.id));
      return { id: row.id, teacherId: row.teacherId };
    },

    async isOpen(loginId: string): Promise<boolean> {
      const rows = await db
        .select({ id: loginSessions.id })
        .from(loginSessions)
        .where(and(eq(loginSessions.id, loginId), gt(loginSessions.expiresAt, new Date())));
      return rows.length > 0;
    },

    /** Logs one browser out. */
    async end(token: string) {
      ended(await db.delete(loginSessions).where(eq(loginSessions.id, hashToken(token))).returning({ id: loginSessions.id }));
    },

    /** Logs the teacher out everywhere. */
    async endAll(teacherId: string) {
      ended(await db.delete(loginSessions).where(eq(loginSessions.teacherId, teacherId)).returning({ id: loginSessions.id }));
    },
  };
}

export type LoginSessions = ReturnType<typeof createLoginSessions>;
