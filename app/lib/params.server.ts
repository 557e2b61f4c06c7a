// Route parameters, parsed at the boundary: an id that cannot be one is a 404, never a query.
import type { Params } from "@remix-run/react";
import { z } from "zod";
import { SESSION_NOT_FOUND } from "../../server/live/guards";

const uuid = z.uuid();

export function sessionIdParam(params: Params): string {
  const id = uuid.safeParse(params.sessionId);
  if (!id.success) throw new Response(SESSION_NOT_FOUND, { status: 404 });
  return id.data;
}
