// The one way a client→server event is handled: parse the payload with its schema, check the
// socket's role, run the engine command, answer the acknowledgement. Nothing is dropped silently.
import type { Socket } from "socket.io";
import type { z } from "zod";
import { failure, type Ack } from "../live/errors";
import { payloads, type ClientEvent, type ClientToServerEvents, type Results, type ServerToClientEvents, type SocketData } from "./events";

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Role = SocketData["role"];

const describe = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

export function handle<E extends ClientEvent, R extends Role>(
  socket: LiveSocket,
  event: E,
  roles: readonly R[],
  run: (data: SocketData & { role: R }, payload: z.output<(typeof payloads)[E]>) => Promise<Results[E]>,
) {
  const listener = async (payload: unknown, ack: unknown) => {
    // A client that sent no acknowledgement cannot be answered; the command is not run either.
    if (typeof ack !== "function") return;
    const answer = ack as (result: Ack<Results[E]>) => void;
    const parsed = payloads[event].safeParse(payload);
    if (!parsed.success) return answer({ ok: false, error: { code: "invalid", message: `Invalid ${event}: ${describe(parsed.error)}` } });
    const data = socket.data;
    if (!roles.includes(data.role as R))
      return answer({ ok: false, error: { code: "forbidden", message: "You are not allowed to do that in this session." } });
    try {
      answer({ ok: true, data: await run(data as SocketData & { role: R }, parsed.data as z.output<(typeof payloads)[E]>) });
    } catch (error) {
      answer(failure(error));
    }
  };
  socket.on(event as any, listener as any);
}
