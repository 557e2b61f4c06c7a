// Cross-site request refusal. SameSite=Lax cookies still ride along from another port of the
// same host or a sibling subdomain (both are "same-site"), so a form post or a socket request
// carrying the teacher's cookie is accepted only from the app's own origin: the host the request
// was sent to, or PUBLIC_URL. An Origin that is not ours ("null" included) is refused. Without an
// Origin (non-browser clients; a browser's GET, including a <script> tag another page points at
// us), the browser's Sec-Fetch-Site decides: only same-origin or a typed address ("none") pass.
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { sendErrorPage } from "./errorPage";

/** Express's compiled `trust proxy` (app.get("trust proxy fn")): may this peer set X-Forwarded-*? */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The host:port a URL-ish host names, with the scheme's default port dropped. */
function hostOf(host: string, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

export function isOwnOrigin(origin: string | undefined, ownHosts: (string | undefined)[], publicUrl?: string): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (publicUrl && new URL(publicUrl).origin === url.origin) return true;
  return ownHosts.some((host) => host !== undefined && hostOf(host, url.protocol) === url.host);
}

/** The hosts this request was addressed to: Host, and X-Forwarded-Host when the proxy is trusted. */
function ownHostsOf(req: IncomingMessage, trust: TrustProxy): (string | undefined)[] {
  const forwarded = req.headers["x-forwarded-host"];
  const trusted = typeof forwarded === "string" && trust(req.socket.remoteAddress ?? "", 0);
  return [req.headers.host, trusted ? forwarded.split(",")[0].trim() : undefined];
}

/** What a browser says of a request without an Origin: only these come from our own pages or the address bar. */
const OWN_FETCH_SITES = new Set([undefined, "same-origin", "none"]);

export const requestFromOwnOrigin = (req: IncomingMessage, trust: TrustProxy, publicUrl?: string) =>
  req.headers.origin === undefined
    ? OWN_FETCH_SITES.has(req.headers["sec-fetch-site"] as string | undefined)
    : isOwnOrigin(req.headers.origin, ownHostsOf(req, trust), publicUrl);

/** Refuses a state-changing request sent by another site's page. */
export function originGuard(publicUrl?: string): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || requestFromOwnOrigin(req, req.app.get("trust proxy fn"), publicUrl)) return next();
    sendErrorPage(res, 403, "Refused", "This form was sent from another site, so it was not accepted. Open Rostrum's own page and try again.");
  };
}

/**
 * Socket.IO's engine middleware: the same rule for every request of a connection (the handshake,
 * each poll, the WebSocket upgrade), not only the first. JSONP polling is refused outright: it is
 * made for pages of other sites, and a <script> tag sends no Origin.
 */
export function engineOriginGuard(trust: () => TrustProxy, publicUrl?: string) {
  return (req: IncomingMessage, _res: unknown, next: (error?: Error) => void) => {
    const jsonp = new URL(req.url ?? "/", "http://rostrum.invalid").searchParams.has("j");
    next(!jsonp && requestFromOwnOrigin(req, trust(), publicUrl) ? undefined : new Error("This page is not allowed to connect."));
  };
}
