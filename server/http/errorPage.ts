// A small, readable page for answers the server gives before Remix renders anything (a refused
// origin, an oversized body, a database outage): a person still sees what happened and what to do.
import type { Response } from "express";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

/** The page as HTML, for answers made outside Express too (Remix's document handler). */
export function errorPageHtml(title: string, message: string) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · Rostrum</title>` +
    `<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}</style>` +
    `</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start page</a></p></main></body></html>`
  );
}

export function sendErrorPage(res: Response, status: number, title: string, message: string, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res
    .status(status)
    .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers })
    .send(errorPageHtml(title, message));
}
