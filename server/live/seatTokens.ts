// Rejoin tokens: what a student's device holds (in the seat cookie) to prove it owns a seat.
// Only SHA-256 hashes are stored, so a token cannot be recovered later; instead a token made
// by a form is derived from the server's secret and the form's id, so the same form sent again
// (its first answer lost on bad Wi-Fi) gets the same token, and a cookie from either answer works.
import { createHash, createHmac, randomBytes } from "node:crypto";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createSeatTokens(secret: string) {
  const derive = (purpose: "join" | "rejoin", sessionId: string, formId: string) =>
    createHmac("sha256", secret).update(`${purpose}\0${sessionId}\0${formId}`).digest("base64url");
  return {
    /** A join form's token; a random one for a join without a form id. */
    forJoin: (sessionId: string, joinId?: string) => (joinId ? derive("join", sessionId, joinId) : randomBytes(24).toString("base64url")),
    /** A rejoin request's token, from the join form it was asked on. */
    forRejoin: (sessionId: string, joinId?: string) => (joinId ? derive("rejoin", sessionId, joinId) : randomBytes(24).toString("base64url")),
  };
}

export type SeatTokens = ReturnType<typeof createSeatTokens>;
