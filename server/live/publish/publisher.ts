// Sends fresh views to Socket.IO rooms after a command commits. Host and projector views are
// coalesced per session (a wave of joins is one broadcast, not thirty); a student's own view
// goes out at once. Views are always rebuilt from the database, so the latest commit wins.
import type { Server } from "socket.io";
import { logError } from "../errorLog";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../realtime/events";
import { rooms } from "../realtime/rooms";
import type { HostView, ParticipantView, ProjectorView } from "./views";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type ViewSource = {
  hostAndProjector(sessionId: string): Promise<{ host: HostView; projector: ProjectorView }>;
  participants(sessionId: string, participantIds?: readonly string[]): Promise<ParticipantView[]>;
};

/** Closes every socket in `room` for good, telling each why first (it shows the reason, and does not retry). */
export function closeRoom(io: LiveServer, room: string | string[], message: string) {
  io.to(room).emit("connection:closed", { message });
  io.in(room).disconnectSockets(true);
}

export function createPublisher(io: LiveServer, views: ViewSource, coalesceMs: number) {
  const pending = new Map<string, NodeJS.Timeout>();
  // One send at a time per session, in order: a slow earlier build never lands after a newer one.
  const sending = new Map<string, Promise<void>>();
  let closed = false;
  const report = (what: string) => (error: unknown) => logError(`publishing ${what} failed`, error);

  async function sendAudiences(sessionId: string) {
    const built = await views.hostAndProjector(sessionId);
    io.to(rooms.host(sessionId)).emit("host:view", built.host);
    io.to(rooms.projector(sessionId)).emit("projector:view", built.projector);
  }

  return {
    /** Host and projector rooms get a new view within `coalesceMs`. */
    audiences(sessionId: string) {
      if (closed || pending.has(sessionId)) return;
      pending.set(
        sessionId,
        setTimeout(() => {
          pending.delete(sessionId);
          const next = (sending.get(sessionId) ?? Promise.resolve()).then(() => sendAudiences(sessionId)).catch(report("host and projector views"));
          sending.set(sessionId, next);
          void next.then(() => {
            if (sending.get(sessionId) === next) sending.delete(sessionId);
          });
        }, coalesceMs),
      );
    },

    /** Each named participant (or everyone in the session) gets their own view now. */
    async participants(sessionId: string, participantIds?: readonly string[]) {
      if (closed || participantIds?.length === 0) return;
      try {
        for (const view of await views.participants(sessionId, participantIds))
          io.to(rooms.participant(view.me.id)).emit("participant:view", view);
      } catch (error) {
        report("participant views")(error);
      }
    },

    /** Drops pending broadcasts and refuses new ones: the server is shutting down. */
    close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
