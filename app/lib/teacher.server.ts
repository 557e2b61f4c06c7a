// Guards for teacher pages, in the style of the Epic Stack's requireUserId: the login cookie
// counts only while its login_sessions row is there and unexpired.
import { redirect, type AppLoadContext } from "@remix-run/node";

export async function optionalTeacher(request: Request, context: AppLoadContext) {
  const token = await context.cookies.loginToken(request.headers.get("Cookie"));
  const login = token && (await context.logins.find(token));
  return login ? context.accounts.teacher(login.teacherId) : undefined;
}

/** Headers that log this browser in as the teacher and mark it as a device they log in from. */
export async function logInHeaders(request: Request, context: AppLoadContext, teacherId: string) {
  const headers = new Headers();
  headers.append("Set-Cookie", await context.cookies.loginCookie(await context.logins.start(teacherId)));
  headers.append("Set-Cookie", await context.cookies.trustDevice(request.headers.get("Cookie"), teacherId));
  return headers;
}

export async function requireTeacher(request: Request, context: AppLoadContext) {
  const teacher = await optionalTeacher(request, context);
  if (!teacher) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return teacher;
}

/**
 * Only same-site paths, so a crafted ?next= cannot send a teacher elsewhere after login.
 * Resolved as a browser would: `/\evil.example` and `/<tab>/evil.example` are other sites too.
 */
export function safeNext(next: FormDataEntryValue | string | null | undefined, fallback = "/teacher") {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  const base = "http://rostrum.invalid";
  const url = new URL(next, base);
  const path = url.pathname + url.search + url.hash;
  // Dot segments resolve away (`/.//evil.example` → `//evil.example`): check the result too.
  return url.origin === base && !/^\/[\\/]/.test(path) ? path : fallback;
}
