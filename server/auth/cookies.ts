// The cookies: the teacher's login (a token the login_sessions table resolves) and a student's
// seats (session id → rejoin token). Both signed, httpOnly and SameSite=Lax; the socket
// handshake reads the same cookies, so a page's scripts never hold either.
import { createCookie } from "@remix-run/node";
import { LOGIN_MAX_MS } from "./loginSessions";

const SEAT_LIMIT = 8;

export function createCookies(secret: string, secure: boolean) {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure, secrets: [secret] };
  // The table decides when a login ends; the cookie only has to outlive the longest login.
  const loginCookie = createCookie("rostrum_teacher", { ...base, maxAge: LOGIN_MAX_MS / 1000 });
  const seatsCookie = createCookie("rostrum_seats", { ...base, maxAge: 60 * 60 * 24 * 7 });

  async function readSeats(cookieHeader: string | null | undefined): Promise<Record<string, string>> {
    const value = await seatsCookie.parse(cookieHeader ?? null);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  }

  return {
    async loginToken(cookieHeader: string | null | undefined): Promise<string | undefined> {
      const value = await loginCookie.parse(cookieHeader ?? null);
      return typeof value === "string" && value ? value : undefined;
    },
    loginCookie: (token: string) => loginCookie.serialize(token),
    clearLogin: () => loginCookie.serialize("", { maxAge: undefined, expires: new Date(0) }),
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
