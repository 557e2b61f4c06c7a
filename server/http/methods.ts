// What the pages accept: GET and HEAD to read, POST with a form body to act. Anything else is
// answered here, before Remix, so an action never tries to read a body it cannot parse.
import type { RequestHandler } from "express";
import { sendErrorPage } from "./errorPage";

const ALLOWED = "GET, HEAD, POST";
/** Browsers' form encodings; Remix's client-side posts (`/route.data`) send the same. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const isFormType = (contentType: string | undefined) =>
  FORM_TYPES.includes((contentType ?? "").split(";")[0].trim().toLowerCase());

export const methodGuard: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  if (req.method !== "POST") {
    return sendErrorPage(res, 405, "Not allowed", `This address only answers ${ALLOWED} requests.`, { Allow: ALLOWED });
  }
  if (!isFormType(req.headers["content-type"])) {
    return sendErrorPage(res, 415, "Not a form", "Rostrum only accepts what its own forms send. Open the page and use its form.");
  }
  next();
};
