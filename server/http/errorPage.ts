// A small, readable page for answers the server gives before Remix renders anything (a refused
// origin, an oversized body, a database outage): a person still sees what happened and what to do.
import type { Response } from "express";
import { UNREACHABLE_MESSAGE } from "../databaseHealth";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

function errorPageHtml(title: string, message: string) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · Rostrum</title>` +
    `<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}</style>` +
    `</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start page</a></p></main></body></html>`
  );
}

const pageHeaders = (extra: Record<string, string>) => ({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extra });

export function sendErrorPage(res: Response, status: number, title: string, message: string, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.status(status).set(pageHeaders(headers)).send(errorPageHtml(title, message));
}

/** What pages and forms answer while the database is out of reach, from Express or from Remix. */
export const unreachablePage = {
  status: 503,
  title: "Database unreachable",
  message: UNREACHABLE_MESSAGE,
  headers: { "Retry-After": "5" },
  send(res: Response) {
    sendErrorPage(res, this.status, this.title, this.message, this.headers);
  },
  response() {
    return new globalThis.Response(errorPageHtml(this.title, this.message), { status: this.status, headers: pageHeaders(this.headers) });
  },
};
