// The cookies: the teacher's login (a token the login_sessions table resolves), the teacher's
// trusted-device marks, and a student's seats (session id → rejoin token). All signed, httpOnly
// and SameSite=Lax; the socket handshake reads the same cookies, so a page's scripts never hold one.
import { randomBytes } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { LOGIN_MAX_MS } from "./loginSessions";

const SEAT_LIMIT = 8;
/** Teachers one browser stays trusted for (a shared staff-room computer). */
const DEVICE_LIMIT = 5;

/** A small map kept in a cookie: `key` set to `value` and made newest, only the newest `limit` kept. */
function withNewest(map: Record<string, string>, key: string, value: string, limit: number) {
  const entries = Object.entries(map).filter(([k]) => k !== key);
  entries.push([key, value]);
  return Object.fromEntries(entries.slice(-limit));
}

export function createCookies(secret: string, secure: boolean) {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure, secrets: [secret] };
  // The table decides when a login ends; the cookie only has to outlive the longest login.
  const loginCookie = createCookie("rostrum_teacher", { ...base, maxAge: LOGIN_MAX_MS / 1000 });
  const seatsCookie = createCookie("rostrum_seats", { ...base, maxAge: 60 * 60 * 24 * 7 });
  const deviceCookie = createCookie("rostrum_device", { ...base, maxAge: 60 * 60 * 24 * 365 });

  async function readMap(cookie: Cookie, cookieHeader: string | null | undefined): Promise<Record<string, string>> {
    const value = await cookie.parse(cookieHeader ?? null);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  }

  return {
    async loginToken(cookieHeader: string | null | undefined): Promise<string | undefined> {
      const value = await loginCookie.parse(cookieHeader ?? null);
      return typeof value === "string" && value ? value : undefined;
    },
    loginCookie: (token: string) => loginCookie.serialize(token),
    clearLogin: () => loginCookie.serialize("", { maxAge: undefined, expires: new Date(0) }),
    /**
     * OWASP's device cookie: teacher id → a random mark, given at each successful login. Signed,
     * so a browser can only hold a mark for a teacher who logged in from it.
     */
    devices: (cookieHeader: string | null | undefined) => readMap(deviceCookie, cookieHeader),
    /** Marks this browser as one the teacher logs in from, with a fresh mark. */
    async trustDevice(cookieHeader: string | null | undefined, teacherId: string): Promise<string> {
      const devices = await readMap(deviceCookie, cookieHeader);
      return deviceCookie.serialize(withNewest(devices, teacherId, randomBytes(16).toString("base64url"), DEVICE_LIMIT));
    },
    async seatToken(cookieHeader: string | null | undefined, sessionId: string): Promise<string | undefined> {
      return (await readMap(seatsCookie, cookieHeader))[sessionId];
    },
    /** Every seat token this browser holds, whatever the session. */
    async seatTokens(cookieHeader: string | null | undefined): Promise<string[]> {
      return Object.values(await readMap(seatsCookie, cookieHeader));
    },
    /** Adds a seat, keeping only the most recent few so the cookie stays small. */
    async addSeat(cookieHeader: string | null | undefined, sessionId: string, token: string): Promise<string> {
      return seatsCookie.serialize(withNewest(await readMap(seatsCookie, cookieHeader), sessionId, token, SEAT_LIMIT));
    },
  };
}

export type Cookies = ReturnType<typeof createCookies>;
