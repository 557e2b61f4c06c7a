// The checks every HTTP request passes before static files and Remix, in order: another site's
// post (403), a method or body type no page takes (405, 415), an unreadable address (400), an
// oversized body (413), a NUL that PostgreSQL cannot store (400). Each answers with the plain
// error page.
import type { RequestHandler } from "express";
import { BODY_LIMITS, IMPORT_PATH } from "../limits";
import { addressGuard } from "./address";
import { bodyLimit } from "./bodyLimit";
import { methodGuard } from "./methods";
import { nulGuard } from "./nul";
import { originGuard } from "./origin";

// Remix's client-side posts go to `<path>.data`.
const limitFor = (path: string) => (path.replace(/\.data$/, "") === IMPORT_PATH ? BODY_LIMITS.import : BODY_LIMITS.form);

export const httpGuards = (publicUrl?: string): RequestHandler[] => [
  originGuard(publicUrl),
  methodGuard,
  addressGuard,
  bodyLimit(limitFor),
  nulGuard,
];
