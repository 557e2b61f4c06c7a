// Cross-site request refusal. SameSite=Lax cookies still ride along from another port of the
// same host or a sibling subdomain (both are "same-site"), so a form post or a socket carrying
// the teacher's cookie is accepted only from the app's own origin: the host the request was
// sent to, or PUBLIC_URL. A missing Origin (non-browser clients, same-origin GETs) is allowed;
// any other Origin, "null" included, is refused.
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

export const requestFromOwnOrigin = (req: IncomingMessage, trust: TrustProxy, publicUrl?: string) =>
  isOwnOrigin(req.headers.origin, ownHostsOf(req, trust), publicUrl);

/** Refuses a state-changing request sent by another site's page. */
export function originGuard(publicUrl?: string): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || requestFromOwnOrigin(req, req.app.get("trust proxy fn"), publicUrl)) return next();
    sendErrorPage(res, 403, "Refused", "This form was sent from another site, so it was not accepted. Open Rostrum's own page and try again.");
  };
}

/** Socket.IO's `allowRequest`: the same rule for every handshake, polling or WebSocket. */
export function socketOriginCheck(trust: () => TrustProxy, publicUrl?: string) {
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const own = requestFromOwnOrigin(req, trust(), publicUrl);
    callback(own ? null : "This page is not allowed to connect.", own);
  };
}
