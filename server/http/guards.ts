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

// Remix's client-side posts go to `<path>.data`; it also matches a trailing slash and any letter
// case, and the page's form posts back to the address it was opened at.
const isImport = (path: string) => path.replace(/\.data$/, "").replace(/\/+$/, "").toLowerCase() === IMPORT_PATH;
const limitFor = (path: string) => (isImport(path) ? BODY_LIMITS.import : BODY_LIMITS.form);
// Only the import page sends a file; every other form is URL-encoded.
const formTypeFor = (path: string) => (isImport(path) ? "multipart/form-data" : "application/x-www-form-urlencoded");

export const httpGuards = (publicUrl?: string): RequestHandler[] => [
  originGuard(publicUrl),
  methodGuard(formTypeFor),
  addressGuard,
  bodyLimit(limitFor),
  nulGuard,
];
