// Remix's default Node entry (streaming, whole pages for bots), plus what a database outage
// needs: the request that finds the database out of reach answers 503 with a plain explanation
// rather than a 500, and errors are logged without query parameters or personal data.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logError } from "../server/errorLog";
import { unreachablePage } from "../server/http/errorPage";

const ABORT_DELAY = 5_000;

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // An aborted request, or an answer like 404 or 405 that Remix made itself: nothing failed.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  if (context.databaseHealth.report(error)) return;
  logError(`${request.method} ${new URL(request.url).pathname} failed`, error);
};

/**
 * A fetch from a page in the browser (a client navigation, a form) while the database is out of
 * reach. Single fetch cannot carry our explanation page, so the browser is told to load the page
 * itself, and gets the 503 page that explains.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  if (context.databaseHealth.up) return response;
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  url.searchParams.delete("_routes");
  return redirect(url.pathname + url.search, { headers: { "X-Remix-Reload-Document": "true" } });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode >= 500 && !loadContext.databaseHealth.up) return unreachablePage.response();
  // Bots and SPA mode get the whole page at once; browsers get the shell as soon as it is ready.
  const whole = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      ...(whole ? { onAllReady: ready } : { onShellReady: ready }),
      onShellError: reject,
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell reject and are logged by Remix's handleError.
        if (shellRendered) logError("rendering failed", error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
