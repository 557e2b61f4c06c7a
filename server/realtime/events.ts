// The Socket.IO protocol, shared by the server and the browser (type-only imports there).
// Every client→server payload has a zod schema here and is parsed before anything else.
import { z } from "zod";
import type { Ack } from "../live/errors";
import type { ArgumentView, BallotView, ChallengeView, View } from "../live/views/types";
import { DEBATE_LIMITS, POLL_LIMITS } from "../limits";
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
    .strictObject({
      argumentsLive: z.boolean().optional(),
      scoreboard: z.enum(["hidden", "sides", "individuals"]).optional(),
      quizSpeed: z.boolean().optional(),
      quizStreak: z.boolean().optional(),
      pollFilter: z.boolean().optional(),
    })
    .refine((p) => Object.values(p).some((v) => v !== undefined), "Name a setting to change."),
  "poll:start": z
    .strictObject({
      /** One of the scenario's polls… */
      scenarioPollId: z.string().min(1).max(64).optional(),
      /** …or one the teacher typed. */
      custom: z
        .strictObject({
          kind: z.enum(["scale", "choice", "multiple", "text"]),
          prompt: text(POLL_LIMITS.prompt, "The question"),
          options: z.array(text(POLL_LIMITS.option, "An option")).max(POLL_LIMITS.options, `A poll has at most ${POLL_LIMITS.options} options.`).default([]),
        })
        .optional(),
      results: z.enum(["live", "hidden"]).optional(),
      anonymous: z.boolean().optional(),
    })
    .refine((p) => (p.scenarioPollId === undefined) !== (p.custom === undefined), "Choose one of the scenario's polls or type one."),
  "poll:close": z.strictObject({ pollId: id }),
  "poll:reveal": z.strictObject({ pollId: id }),
  "poll:hideEntry": z.strictObject({ pollId: id, entry: z.string().min(1).max(POLL_LIMITS.entry), hidden: z.boolean() }),
  "poll:voters": z.strictObject({ pollId: id }),
  "poll:vote": z.strictObject({
    pollId: id,
    choices: z.array(z.number().int().min(0).max(POLL_LIMITS.options + 1)).max(POLL_LIMITS.options + 2).default([]),
    text: z.string().trim().max(POLL_LIMITS.entry, `An answer can be at most ${POLL_LIMITS.entry} characters.`).optional(),
  }),
  "quiz:ask": z.strictObject({
    /** A picked question; without it, the next one not yet asked, in the bank's order or at random. */
    itemId: z.string().min(1).max(64).optional(),
    order: z.enum(["inOrder", "shuffled"]).default("inOrder"),
    /** Overrides the item's points multiplier. */
    multiplier: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  }),
  "quiz:close": z.strictObject({ questionId: id }),
  "quiz:answer": z
    .strictObject({ questionId: id, choices: z.array(z.number().int().min(0).max(31)).max(32).optional(), number: z.number().finite().optional() })
    .refine((p) => (p.choices === undefined) !== (p.number === undefined), "Answer with options or with a number."),
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
  "poll:start": { pollId: string };
  "poll:close": null;
  "poll:reveal": null;
  "poll:hideEntry": null;
  "poll:voters": { voters: { participantId: string; name: string; choices: number[]; text: string | null }[] };
  "poll:vote": null;
  "quiz:ask": { questionId: string };
  "quiz:close": null;
  "quiz:answer": null;
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
