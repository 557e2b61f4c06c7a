// The Node entry: parse the environment, open the database (migrations run there), build the
// server, listen, and shut down cleanly on SIGTERM/SIGINT.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "../db/client";
import { lockDataDir } from "../db/lock";
import { resolveSessionSecret } from "./auth/secret";
import { createRostrum, projectRoot, type RostrumOptions } from "./app";
import { parseEnv } from "./env";
import { logError } from "./errorLog";

async function main() {
  const env = parseEnv();
  const dataDir = path.resolve(projectRoot, env.DATA_DIR);
  // Before anything is written to DATA_DIR: a second server there must change nothing.
  const lock = env.DATABASE_URL ? undefined : await lockDataDir(path.join(dataDir, "pglite.lock"));
  process.once("exit", () => lock?.release());

  let remix: Pick<RostrumOptions, "build" | "devMiddleware">;
  if (env.NODE_ENV === "production") {
    const buildFile = path.join(projectRoot, "build/server/index.js");
    if (!existsSync(buildFile)) throw new Error("No production build found. Run `npm run build` first (or `npm run dev` while developing).");
    remix = { build: (await import(pathToFileURL(buildFile).href)) as ServerBuild };
  } else {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true }, root: projectRoot }));
    remix = { build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>, devMiddleware: vite.middlewares };
  }

  const database = env.DATABASE_URL
    ? await openDatabase({ backend: "postgres", url: env.DATABASE_URL })
    : await openDatabase({ backend: "pglite", dataDir: path.join(dataDir, "pglite") });
  const secret = await resolveSessionSecret(env.SESSION_SECRET, dataDir);
  const rostrum = await createRostrum({
    database,
    secret,
    publicUrl: env.PUBLIC_URL,
    trustProxy: env.TRUST_PROXY,
    signupCode: env.TEACHER_SIGNUP_CODE,
    ...remix,
  });
  const address = await rostrum.listen(env.PORT, env.HOST);
  const shown = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  console.log(
    `Rostrum is ready on http://${shown}:${address.port} (${database.backend === "pglite" ? `embedded database in ${path.relative(process.cwd(), dataDir) || "."}` : "PostgreSQL"}, ${rostrum.scenarioCount} scenarios)`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing connections and the database…`);
    const force = setTimeout(() => {
      console.error("Shutdown took too long; exiting.");
      process.exit(1);
    }, 10_000);
    force.unref();
    rostrum.close().then(
      () => {
        console.log("Closed every connection and the database.");
        process.exit(0);
      },
      (error) => {
        logError("shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  // A refusal to start (a bad variable, a locked DATA_DIR) is a sentence for the operator.
  if (error instanceof Error && !("cause" in error) && !("code" in error)) console.error(error.message);
  else logError("could not start", error);
  process.exit(1);
});
