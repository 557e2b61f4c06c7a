// What the pages accept: GET and HEAD to read, POST with the page's own form encoding to act.
// Anything else is answered here, before Remix, so an action never tries to read a body it cannot
// parse (a malformed multipart body sent to a URL-encoded form would fail inside the action).
import type { RequestHandler } from "express";
import { sendErrorPage } from "./errorPage";

const ALLOWED = "GET, HEAD, POST";

/** Whether `contentType` is `formType`, whatever its parameters (charset, boundary) and case. */
export const isFormType = (contentType: string | undefined, formType: string) => (contentType ?? "").split(";")[0].trim().toLowerCase() === formType;

/** `formTypeFor(path)`: the one body encoding the page at `path` sends (Remix's `/route.data` posts send the same). */
export function methodGuard(formTypeFor: (path: string) => string): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (req.method !== "POST") {
      return sendErrorPage(res, 405, "Not allowed", `This address only answers ${ALLOWED} requests.`, { Allow: ALLOWED });
    }
    if (!isFormType(req.headers["content-type"], formTypeFor(req.path))) {
      return sendErrorPage(res, 415, "Not a form", "Rostrum only accepts what its own forms send. Open the page and use its form.");
    }
    next();
  };
}
