// Builds the whole server on one http.Server: Express serving Remix (pages, loaders, actions)
// and Socket.IO (live events), both backed by the same engine and database.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import express from "express";
import { Server } from "socket.io";
import { loadBundledContent } from "../content/load";
import type { DatabaseHandle } from "../db/client";
import { createAccounts } from "./auth/accounts";
import { createCookies } from "./auth/cookies";
import { createLoginSessions } from "./auth/loginSessions";
import type { RostrumContext } from "./context";
import { createDatabaseHealth } from "./databaseHealth";
import { unreachablePage } from "./http/errorPage";
import { createLive } from "./live";
import type { LiveServer } from "./live/publish/events";
import { createScenarioLibrary } from "./live/scenarios";
import { httpGuards } from "./http/guards";
import { engineOriginGuard } from "./http/origin";
import { remixHandler } from "./http/remix";
import { attachRealtime, disconnectLogins } from "./realtime";
import { socketServerOptions } from "./realtime/options";

/** How long requests in flight may take to finish at shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 1500;

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type RostrumOptions = {
  database: DatabaseHandle;
  secret: string;
  publicUrl?: string;
  /** The production build, or a loader for it (Vite's dev server in development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's middleware in development; the built client files are served otherwise. */
  devMiddleware?: express.RequestHandler;
  log?: (line: string) => void;
  /** Where the scenario packs and sources.yaml are; the bundled content/ by default. */
  contentDir?: string;
  trustProxy?: boolean | number | string;
  signupCode?: string;
};

export async function createRostrum(options: RostrumOptions) {
  const { database, secret, publicUrl, build, devMiddleware, log = console.log, contentDir, trustProxy, signupCode } = options;
  const { db } = database;
  const content = await loadBundledContent(contentDir);
  for (const problem of content.problems) log(`content: skipped: ${problem}`);
  const scenarios = createScenarioLibrary(db, content.sources);
  await scenarios.storeBundled(content.scenarios.map((c) => c.scenario));

  const app = express();
  app.disable("x-powered-by");
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  const httpServer = http.createServer(app);
  // Every raw connection, upgraded WebSockets included (closeAllConnections does not see those),
  // so that shutdown can end them all itself rather than wait on a client that never answers.
  const connections = new Set<Socket>();
  httpServer.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  // A body that asks before it is sent (Expect: 100-continue) is invited by the body limit once
  // it is known to fit, not by Node before anything is checked.
  httpServer.on("checkContinue", (req, res) => httpServer.emit("request", req, res));
  const health = createDatabaseHealth(() => db.execute(sql`select 1`));
  const io: LiveServer = new Server(httpServer, socketServerOptions);
  io.engine.use(engineOriginGuard(() => app.get("trust proxy fn"), publicUrl));
  const live = createLive({ db, io, scenarios, secret });
  // Rounds that were running when the server stopped close at their stored deadlines.
  await live.start();
  const cookies = createCookies(secret, publicUrl?.startsWith("https:") ?? false);
  const accounts = createAccounts(db, signupCode);
  const logins = createLoginSessions(db, (loginIds) => disconnectLogins(io, loginIds));
  attachRealtime(io, live, cookies, health, logins, () => app.get("trust proxy fn"));

  app.use(httpGuards(publicUrl));
  if (devMiddleware) {
    app.use(devMiddleware);
  } else {
    const client = path.join(projectRoot, "build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
  }
  // While the database is out of reach, pages and forms say so at once instead of failing slowly.
  // A browser's single-fetch requests (`.data`) go on to Remix: its entry sends them to this page.
  app.use((req, res, next) =>
    health.up || req.path.endsWith(".data") ? next() : unreachablePage.send(res),
  );
  const shared = { db, live, accounts, cookies, logins, publicUrl, databaseHealth: health };
  app.all("*", remixHandler(build, (req): RostrumContext => ({ ...shared, clientAddress: req.ip ?? "unknown" })));

  return {
    live,
    io,
    httpServer,
    scenarioCount: content.scenarios.length,
    listen(port: number, host?: string): Promise<AddressInfo> {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      });
    },
    /** Stops taking connections, closes every socket, then the database. */
    async close() {
      health.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        // Idle keep-alive connections would hold the server open; active requests get a short
        // grace, then every connection still open (a phone that stopped answering) is cut.
        httpServer.closeIdleConnections();
        setTimeout(() => {
          for (const socket of connections) socket.destroy();
        }, SHUTDOWN_GRACE_MS).unref();
      });
      // After the sockets: their disconnects schedule broadcasts that must not reach a closed database.
      await live.close();
      await database.close();
    },
  };
}

export type Rostrum = Awaited<ReturnType<typeof createRostrum>>;
