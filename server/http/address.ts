// An address Rostrum cannot read is answered here: percent-encoding that decodes to nothing
// (Express would answer with its own stack-trace page) or a NUL, which no name or id may hold.
import type { RequestHandler } from "express";
import { sendErrorPage } from "./errorPage";

export function isReadableAddress(url: string): boolean {
  try {
    return !decodeURIComponent(url).includes("\0");
  } catch {
    return false;
  }
}

export const addressGuard: RequestHandler = (req, res, next) => {
  if (isReadableAddress(req.originalUrl)) return next();
  sendErrorPage(res, 400, "Address not understood", "This address has characters Rostrum cannot read. Check the link and try again.");
};
