// The Socket.IO protocol, shared by the server and the browser (type-only imports there).
// Every client→server payload has a zod schema here and is parsed before anything else.
import { z } from "zod";
import type { Ack } from "../live/errors";
import type { ArgumentView, BallotView, ChallengeView, View } from "../live/views/types";
import { DEBATE_LIMITS } from "../limits";
import { EXTEND_SECONDS } from "../live/rounds/clock";
export type { DatabaseStatus, ServerToClientEvents, SocketData } from "../live/publish/events";

const id = z.uuid("must be an id");
const sideId = z.string().min(1).max(64);
const empty = z.strictObject({}).default({});
const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is empty.`).max(max, `${what} can be at most ${max} characters.`);
const citations = z.array(z.string().min(1).max(64)).max(DEBATE_LIMITS.citations, `Cite at most ${DEBATE_LIMITS.citations} cards.`).default([]);

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
  "round:start": z.strictObject({ index: z.number().int().min(0).max(200) }),
  "round:skip": z.strictObject({ index: z.number().int().min(0).max(200) }),
  "round:pause": z.strictObject({ roundId: id }),
  "round:resume": z.strictObject({ roundId: id }),
  "round:extend": z.strictObject({ roundId: id, seconds: z.literal(EXTEND_SECONDS) }),
  "round:end": z.strictObject({ roundId: id }),
  "round:reveal": z.strictObject({ roundId: id }),
  "settings:update": z
    .strictObject({ argumentsLive: z.boolean().optional(), scoreboard: z.enum(["hidden", "sides", "individuals"]).optional() })
    .refine((p) => p.argumentsLive !== undefined || p.scoreboard !== undefined, "Name a setting to change."),
  "argument:submit": z.strictObject({ roundId: id, clientId: id, body: text(DEBATE_LIMITS.argument, "Your argument"), cardIds: citations }),
  "crossfire:ask": z.strictObject({ roundId: id, clientId: id, targetSideId: sideId, body: text(DEBATE_LIMITS.argument, "Your question"), cardIds: citations }),
  "crossfire:answer": z.strictObject({ questionId: id, clientId: id, body: text(DEBATE_LIMITS.argument, "Your answer"), cardIds: citations }),
  "ballot:submit": z.strictObject({
    argumentId: id,
    scores: z.record(z.string().min(1).max(64), z.number().int().min(1).max(5)),
    comment: z.string().trim().max(DEBATE_LIMITS.comment, `A comment can be at most ${DEBATE_LIMITS.comment} characters.`).default(""),
  }),
  "vote:cast": z.strictObject({ roundId: id, argumentId: id }),
  "challenge:open": z.strictObject({ argumentId: id, cardId: z.string().min(1).max(64), reason: text(DEBATE_LIMITS.reason, "Your reason") }),
  "challenge:rule": z.strictObject({ challengeId: id, upheld: z.boolean(), reason: text(DEBATE_LIMITS.reason, "The reason") }),
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
  "round:start": null;
  "round:skip": null;
  "round:pause": null;
  "round:resume": null;
  "round:extend": null;
  "round:end": null;
  "round:reveal": null;
  "settings:update": null;
  "argument:submit": ArgumentView;
  "crossfire:ask": ArgumentView;
  "crossfire:answer": ArgumentView;
  "ballot:submit": BallotView;
  "vote:cast": null;
  "challenge:open": ChallengeView;
  "challenge:rule": ChallengeView;
};

export type ClientToServerEvents = {
  [E in ClientEvent]: (payload: Payload<E>, ack: (result: Ack<Results[E]>) => void) => void;
};

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
