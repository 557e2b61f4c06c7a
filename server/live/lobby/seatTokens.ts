// Rejoin tokens: what a student's device holds (in the seat cookie) to prove it owns a seat.
// Only SHA-256 hashes are stored, so a token cannot be recovered later; instead a token made
// by a form is derived from the server's secret and the form's id, so the same form sent again
// (its first answer lost on bad Wi-Fi) gets the same token, and a cookie from either answer works.
import { createHmac, randomBytes } from "node:crypto";

export function createSeatTokens(secret: string) {
  return {
    /** The token of a join (`join`) or of a rejoin request (`rejoin`) made by a form; random without a form id. */
    token: (purpose: "join" | "rejoin", sessionId: string, formId?: string) =>
      formId ? createHmac("sha256", secret).update(`${purpose}\0${sessionId}\0${formId}`).digest("base64url") : randomBytes(24).toString("base64url"),
  };
}

export type SeatTokens = ReturnType<typeof createSeatTokens>;
