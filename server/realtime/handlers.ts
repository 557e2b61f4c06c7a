// The one way a client→server event is handled: parse the payload with its schema, check the
// socket's role, run the engine command, answer the acknowledgement. Nothing is dropped silently.
// Commands are declared once per server, in a table every socket shares: a socket holds no
// listener or closure per event (33 of them cost about 16 KB a socket, more than half its memory).
import type { Socket } from "socket.io";
import type { z } from "zod";
import { failure, type Ack } from "../live/errors";
import { payloads, type ClientEvent, type ClientToServerEvents, type Results, type ServerToClientEvents, type SocketData } from "./events";

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Role = SocketData["role"];
export type Answer = (result: Ack<unknown>) => void;

/** Declares the command that answers `event` for sockets of `roles`. */
export type Handle = <E extends ClientEvent, R extends Role>(
  event: E,
  roles: readonly R[],
  run: (data: SocketData & { role: R }, payload: z.output<(typeof payloads)[E]>) => Promise<Results[E]>,
) => void;

type Command = { roles: readonly Role[]; run(data: SocketData, payload: unknown): Promise<unknown> };

const describe = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/** The server's commands, filled by `declare` (the register*Handlers modules). */
export function createCommands(declare: (handle: Handle) => void) {
  const table = new Map<string, Command>();
  declare((event, roles, run) => table.set(event, { roles, run: run as Command["run"] }));

  return {
    has: (event: string) => table.has(event),

    /** Runs a known event's command for a socket's identity and answers once. */
    async run(data: SocketData, event: string, payload: unknown, answer: Answer) {
      const command = table.get(event)!;
      const parsed = payloads[event as ClientEvent].safeParse(payload);
      if (!parsed.success) return answer({ ok: false, error: { code: "invalid", message: `Invalid ${event}: ${describe(parsed.error)}` } });
      if (!command.roles.includes(data.role))
        return answer({ ok: false, error: { code: "forbidden", message: "You are not allowed to do that in this session." } });
      try {
        answer({ ok: true, data: await command.run(data, parsed.data) });
      } catch (error) {
        answer(failure(error));
      }
    },
  };
}

export type Commands = ReturnType<typeof createCommands>;
