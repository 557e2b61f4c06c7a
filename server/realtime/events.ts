// The Socket.IO protocol, shared by the server and the browser (type-only imports there).
// Every client→server payload has a zod schema here and is parsed before anything else.
import { z } from "zod";
import type { Ack } from "../live/errors";
import type { HostView, ParticipantView, ProjectorView, View } from "../live/views";

const id = z.uuid("must be an id");
const sideId = z.string().min(1).max(64);
const empty = z.strictObject({}).default({});

export const payloads = {
  "session:snapshot": empty,
  "session:end": empty,
  "lobby:autoBalance": empty,
  "lobby:moveParticipant": z.strictObject({ participantId: id, sideId: sideId.nullable() }),
  "lobby:lockSides": z.strictObject({ locked: z.boolean() }),
  "lobby:removeParticipant": z.strictObject({ participantId: id }),
  "lobby:renameParticipant": z.strictObject({ participantId: id, name: z.string().max(200) }),
  "lobby:approveRejoin": z.strictObject({ requestId: id }),
  "lobby:refuseRejoin": z.strictObject({ requestId: id }),
} as const;

export type ClientEvent = keyof typeof payloads;
export type Payload<E extends ClientEvent> = z.input<(typeof payloads)[E]>;

export type Results = {
  "session:snapshot": View;
  "session:end": null;
  "lobby:autoBalance": { moved: number };
  "lobby:moveParticipant": null;
  "lobby:lockSides": null;
  "lobby:removeParticipant": null;
  "lobby:renameParticipant": { name: string };
  "lobby:approveRejoin": null;
  "lobby:refuseRejoin": null;
};

export type ClientToServerEvents = {
  [E in ClientEvent]: (payload: Payload<E>, ack: (result: Ack<Results[E]>) => void) => void;
};

export type ServerToClientEvents = {
  "host:view": (view: HostView) => void;
  "projector:view": (view: ProjectorView) => void;
  "participant:view": (view: ParticipantView) => void;
  /** Sent just before the server closes a socket for good, saying why. */
  "connection:closed": (notice: { message: string }) => void;
  /** Whether the server can reach its database: sent at connect and on every change. */
  "database:status": (status: DatabaseStatus) => void;
};

export type DatabaseStatus = { reachable: boolean; message?: string };

/** Who a socket is, set once by the handshake middleware and never from an event. */
export type SocketData =
  | { role: "host" | "projector"; teacherId: string; loginId: string; sessionId: string }
  | { role: "participant"; participantId: string; sessionId: string };

/**
 * What a client sends in the handshake's `auth`. A browser names the session and its cookie
 * carries the seat's rejoin token, so page scripts never see the token; other clients may send
 * the token itself.
 */
export const handshakeSchema = z.union([
  z.strictObject({ role: z.enum(["host", "projector"]), sessionId: id }),
  z.strictObject({ role: z.literal("participant"), sessionId: id }),
  z.strictObject({ role: z.literal("participant"), token: z.string().min(16).max(128) }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;
