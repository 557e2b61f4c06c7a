// PostgreSQL text cannot hold NUL (U+0000): a name or id carrying one would fail deep in a query.
// It is refused at the door instead, in any form field (address.ts does the address).
import type { RequestHandler } from "express";
import { sendErrorPage } from "./errorPage";

/** Whether a form body carries a NUL: raw in any part, or percent-encoded in a URL-encoded form. */
export function formHasNul(body: Buffer, contentType: string | undefined): boolean {
  if (body.includes(0)) return true;
  return /^application\/x-www-form-urlencoded/i.test(contentType ?? "") && /%00/i.test(body.toString("latin1"));
}

export const nulGuard: RequestHandler = (req, res, next) => {
  if (!Buffer.isBuffer(req.body) || !formHasNul(req.body, req.headers["content-type"])) return next();
  sendErrorPage(res, 400, "Not accepted", "What was sent contains a NUL character, which Rostrum cannot store. Please type it again.");
};
