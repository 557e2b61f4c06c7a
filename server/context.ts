// What every Remix loader and action receives as `context`.
import type { Database } from "../db/client";
import type { Accounts } from "./auth/accounts";
import type { Cookies } from "./auth/cookies";
import type { LoginSessions } from "./auth/loginSessions";
import type { DatabaseHealth } from "./databaseHealth";
import type { Live } from "./live";

export type RostrumContext = {
  db: Database;
  live: Live;
  accounts: Accounts;
  cookies: Cookies;
  logins: LoginSessions;
  /** The origin students use to reach this server, when the operator fixed it (PUBLIC_URL). */
  publicUrl: string | undefined;
  /** Whether the database can be reached; errors that say it cannot are reported here. */
  databaseHealth: DatabaseHealth;
  /** The client's address, for rate limits. */
  clientAddress: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RostrumContext {}
}
