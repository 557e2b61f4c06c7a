// The browser's side of the live protocol, in one module: connect with the handshake, keep the
// newest view (a snapshot on every (re)connect, then newer events), and send commands with acks.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { Ack } from "../../server/live/errors";
import type { View } from "../../server/live/views/types";
import type { ClientEvent, ClientToServerEvents, DatabaseStatus, Handshake, Payload, Results, ServerToClientEvents } from "../../server/realtime/events";
import { clockOffset } from "./clock";
import { applyDelta, type Delta } from "./liveState";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Connection = "connecting" | "online" | "offline" | "refused";
export type SendResult<E extends ClientEvent> = Ack<Results[E]> | { ok: false; error: { code: "offline" | "timeout"; message: string } };

const ACK_TIMEOUT_MS = 8000;
const FINAL_REFUSALS = new Set(["forbidden", "not_found", "invalid"]);

export function useLiveView<V extends View>(handshake: Handshake, initial: V) {
  const [view, setView] = useState<V>(initial);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [refusal, setRefusal] = useState<string>();
  const [database, setDatabase] = useState<DatabaseStatus>({ reachable: true });
  // Server clock minus this device's, measured around each snapshot; countdowns use it.
  const [offsetMs, setOffsetMs] = useState(0);
  const socketRef = useRef<LiveSocket>();
  const key = JSON.stringify(handshake);

  useEffect(() => {
    const socket: LiveSocket = io({ auth: JSON.parse(key) });
    socketRef.current = socket;
    // Events can cross a snapshot in flight; the session version decides which is newer.
    const accept = (next: View) => {
      if (next.audience === initial.audience) setView((current) => (next.version >= current.version ? (next as V) : current));
    };
    const refresh = async () => {
      const sentAt = Date.now();
      const snapshot = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("session:snapshot", {}).catch(() => undefined);
      if (!snapshot?.ok) return;
      setOffsetMs(clockOffset(sentAt, snapshot.data.serverTime, Date.now()));
      accept(snapshot.data);
    };
    const apply = (delta: Delta) => setView((current) => applyDelta(current, delta));
    socket.on("connect", () => {
      setConnection("online");
      setRefusal(undefined);
      void refresh();
    });
    // The server says whether it reaches its database; when it is back, catch up on what changed.
    let reachable = true;
    socket.on("database:status", (status) => {
      setDatabase(status);
      if (status.reachable && !reachable) void refresh();
      reachable = status.reachable;
    });
    socket.on("disconnect", (reason) => {
      // A server-side disconnect (for example a removed student) is final; anything else retries.
      setConnection(reason === "io server disconnect" ? "refused" : "offline");
    });
    // socket.io retries lost networks by itself, but not a refused handshake. A refusal that
    // will not change (removed, unknown, malformed) is final; any other (a server hiccup while
    // a whole class reconnects) is retried, backing off up to ten seconds.
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    socket.on("connect", () => {
      attempts = 0;
    });
    socket.on("connect_error", (error) => {
      const code = (error as Error & { data?: { code?: string } }).data?.code;
      if (code && FINAL_REFUSALS.has(code)) {
        setConnection("refused");
        setRefusal(error.message);
      } else {
        setConnection("offline");
        if (code) retry = setTimeout(() => socket.connect(), Math.min(10_000, 500 * 2 ** attempts++));
      }
    });
    // Sent just before the server closes this socket for good (seat moved, a newer tab): say why.
    socket.on("connection:closed", ({ message }) => setRefusal(message));
    socket.on("host:view", accept);
    socket.on("projector:view", accept);
    socket.on("participant:view", accept);
    socket.on("round:changed", (change) => apply({ type: "round", change }));
    socket.on("argument:changed", (argument) => apply({ type: "argument", argument }));
    socket.on("arguments:revealed", (reveal) => apply({ type: "revealed", ...reveal }));
    socket.on("settings:changed", (change) => apply({ type: "settings", ...change }));
    socket.on("presence:changed", (presence) => apply({ type: "presence", ...presence }));
    socket.on("ballot:changed", (ballot) => apply({ type: "ballot", ballot }));
    socket.on("challenge:changed", (challenge) => apply({ type: "challenge", challenge }));
    socket.on("scores:changed", (scores) => apply({ type: "scores", ...scores }));
    socket.on("poll:changed", (change) => apply({ type: "polls", ...change }));
    socket.on("poll:tally", (tally) => apply({ type: "tally", tally }));
    socket.on("quiz:changed", (change) => apply({ type: "quiz", ...change }));
    socket.on("quiz:progress", (progress) => apply({ type: "progress", progress }));
    socket.on("quiz:result", (result) => apply({ type: "result", result }));
    return () => {
      clearTimeout(retry);
      socket.disconnect();
    };
  }, [key, initial.audience]);

  const send = useCallback(async <E extends ClientEvent>(event: E, payload: Payload<E>): Promise<SendResult<E>> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: { code: "offline", message: "You are offline. Reconnecting…" } };
    try {
      const withTimeout = socket.timeout(ACK_TIMEOUT_MS);
      const emit = withTimeout.emitWithAck.bind(withTimeout) as (e: E, p: Payload<E>) => Promise<Ack<Results[E]>>;
      return await emit(event, payload);
    } catch {
      return { ok: false, error: { code: "timeout", message: "The server did not answer in time. Please try again." } };
    }
  }, []);

  return { view, connection, refusal, database, send, offsetMs };
}

/** `send` as the debate components take it. */
export type Send = ReturnType<typeof useLiveView>["send"];
/** The console's way to run a command: one at a time, its outcome announced in the status region. */
export type Run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done?: string) => void;

/**
 * For a panel whose commands remove the button just pressed (starting a round, closing a poll):
 * `keepingFocus(command)` moves keyboard focus to the panel's heading once the command succeeds,
 * instead of letting it drop to the top of the page. The heading needs tabIndex={-1}.
 */
export function useHeadingFocus() {
  const heading = useRef<HTMLHeadingElement>(null);
  const keepingFocus = (command: Parameters<Run>[0]) => async () => {
    const result = await command();
    if (result.ok) heading.current?.focus();
    return result;
  };
  return { heading, keepingFocus };
}
