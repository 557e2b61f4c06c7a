// The two cookies: the teacher's signed session, and a student's seats (session id → rejoin
// token). Both httpOnly and SameSite=Lax; the socket handshake reads the same cookies, so a
// page's scripts never hold either.
import { createCookie, createCookieSessionStorage } from "@remix-run/node";

const SEAT_LIMIT = 8;

export function createCookies(secret: string, secure: boolean) {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure, secrets: [secret] };
  const teacherStorage = createCookieSessionStorage<{ teacherId: string }>({
    cookie: { name: "rostrum_teacher", ...base, maxAge: 60 * 60 * 24 * 14 },
  });
  const seatsCookie = createCookie("rostrum_seats", { ...base, maxAge: 60 * 60 * 24 * 7 });

  async function readSeats(cookieHeader: string | null | undefined): Promise<Record<string, string>> {
    const value = await seatsCookie.parse(cookieHeader ?? null);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  }

  return {
    async teacherId(cookieHeader: string | null | undefined): Promise<string | undefined> {
      const session = await teacherStorage.getSession(cookieHeader);
      return session.get("teacherId") ?? undefined;
    },
    async signIn(teacherId: string): Promise<string> {
      const session = await teacherStorage.getSession();
      session.set("teacherId", teacherId);
      return teacherStorage.commitSession(session);
    },
    async signOut(cookieHeader: string | null): Promise<string> {
      return teacherStorage.destroySession(await teacherStorage.getSession(cookieHeader));
    },
    async seatToken(cookieHeader: string | null | undefined, sessionId: string): Promise<string | undefined> {
      return (await readSeats(cookieHeader))[sessionId];
    },
    /** Adds a seat, keeping only the most recent few so the cookie stays small. */
    async addSeat(cookieHeader: string | null | undefined, sessionId: string, token: string): Promise<string> {
      const seats = Object.entries(await readSeats(cookieHeader)).filter(([id]) => id !== sessionId);
      seats.push([sessionId, token]);
      return seatsCookie.serialize(Object.fromEntries(seats.slice(-SEAT_LIMIT)));
    },
  };
}

export type Cookies = ReturnType<typeof createCookies>;
