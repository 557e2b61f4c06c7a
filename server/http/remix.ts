// Remix's Express adapter, fed the body the guards already read and bounded (`req.body`)
// instead of streaming the request a second time. Its two halves (request in, response out)
// are exported by the adapter's module but not its index, hence the path.
import type { GetLoadContextFunction } from "@remix-run/express";
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";

export function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>), getLoadContext: GetLoadContextFunction): RequestHandler {
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  return async (req, res, next) => {
    try {
      const streamed = createRemixRequest(req, res);
      const request = Buffer.isBuffer(req.body) && req.method !== "GET" && req.method !== "HEAD" ? new Request(streamed, { body: new Uint8Array(req.body) }) : streamed;
      await sendRemixResponse(res, await handle(request, await getLoadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}
