// What tables store in place of a secret token (a seat's, a login's): its SHA-256, so a leaked
// table opens nothing.
import { createHash } from "node:crypto";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
