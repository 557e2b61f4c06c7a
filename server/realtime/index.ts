// Socket.IO wiring: who a socket is comes from the handshake only (the teacher's cookie, or a
// student's rejoin token), checked here once; then it joins its rooms, and its events go to the
// server's one table of commands (handlers.ts).
import type { Cookies } from "../auth/cookies";
import type { LoginSessions } from "../auth/loginSessions";
import type { TrustProxy } from "../http/origin";
import { UNREACHABLE_MESSAGE, type DatabaseHealth } from "../databaseHealth";
import { logError } from "../errorLog";
import type { Live } from "../live";
import { REMOVED } from "../live/guards";
import { isActive } from "../live/lobby/seats";
import { LiveError, isLiveError, type ErrorCode } from "../live/errors";
import { hashToken } from "../hashToken";
import { closeRoom } from "../live/publish/publisher";
import type { LiveServer } from "../live/publish/events";
import { rooms } from "../live/publish/rooms";
import { handshakeSchema, type DatabaseStatus, type SocketData } from "./events";
import { createCommands, type Answer, type LiveSocket } from "./handlers";
import { createHandshakeGuard, TOO_MANY_FAILED } from "./handshakes";
import { BUSY, createSocketLimits, TOO_MANY } from "./limits";
import { registerDebateHandlers } from "./debateHandlers";
import { registerLobbyHandlers } from "./lobbyHandlers";
import { registerQuizHandlers } from "./quizHandlers";
import { registerSessionHandlers } from "./sessionHandlers";

const refuse = (code: ErrorCode, message: string) => Object.assign(new Error(message), { data: { code } });
// For a connection already closed: nothing is sent, the error only frees the pending socket.
const dropped = () => new Error("The connection closed before its handshake was checked.");

async function identify(socket: LiveSocket, live: Live, cookies: Cookies, logins: LoginSessions): Promise<SocketData> {
  const auth = handshakeSchema.safeParse(socket.handshake.auth);
  if (!auth.success) throw new LiveError("invalid", "This connection did not say which session it is for.");
  if (auth.data.role === "participant") {
    const token = "token" in auth.data ? auth.data.token : await cookies.seatToken(socket.handshake.headers.cookie, auth.data.sessionId);
    if (!token) throw new LiveError("not_found", "We could not find your seat. Join again with the session code.");
    const { participant, session } = await live.seatByToken(token);
    if (!isActive(participant)) throw new LiveError("forbidden", REMOVED);
    return { role: "participant", participantId: participant.id, sessionId: session.id };
  }
  const token = await cookies.loginToken(socket.handshake.headers.cookie);
  const login = token && (await logins.find(token));
  if (!login) throw new LiveError("forbidden", "Please log in again to run this session.");
  const session = await live.hostedSession(login.teacherId, auth.data.sessionId);
  return { role: auth.data.role, teacherId: login.teacherId, loginId: login.id, sessionId: session.id };
}

/**
 * The credential this server signed that the handshake carries (a teacher's login cookie, a seat
 * cookie), told without the database. Such a handshake is no anonymous guess: its failures are
 * counted against that credential alone, so others' failed guesses at the same school address
 * never hold it back, while a signed-in account that keeps failing is held back by its own count.
 */
async function signedCredential(socket: LiveSocket, cookies: Cookies): Promise<string | undefined> {
  const auth = handshakeSchema.safeParse(socket.handshake.auth);
  if (!auth.success || "token" in auth.data) return undefined;
  const header = socket.handshake.headers.cookie;
  const token = auth.data.role === "participant" ? cookies.seatToken(header, auth.data.sessionId) : cookies.loginToken(header);
  return token.catch(() => undefined);
}

const LOGGED_OUT = "You were logged out (here or on another device). Log in again to carry on.";

/** Closes the host and projector sockets that ended logins opened (logged out, here or everywhere). */
export function disconnectLogins(io: LiveServer, loginIds: string[]) {
  // An empty list of rooms would mean every socket.
  if (loginIds.length === 0) return;
  closeRoom(io, loginIds.map(rooms.login), LOGGED_OUT);
}

/** Students' events that take the batched hot path (server/live/hotpath). */
const HOT_PATH = new Set(["poll:vote", "quiz:answer"]);

const refusal = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });
const databaseStatus = (reachable: boolean): DatabaseStatus => (reachable ? { reachable } : { reachable, message: UNREACHABLE_MESSAGE });

export function attachRealtime(io: LiveServer, live: Live, cookies: Cookies, health: DatabaseHealth, logins: LoginSessions, trust: () => TrustProxy) {
  const limits = createSocketLimits();
  const handshakes = createHandshakeGuard(trust);
  health.onChange((reachable) => io.emit("database:status", databaseStatus(reachable)));

  io.use((socket, next) => {
    const connection = socket.client.conn;
    // Our clients send one CONNECT per connection (a retry opens a new one): more is a flood.
    if (!handshakes.first(connection)) {
      connection.close();
      return next(dropped());
    }
    // Whose failures a refusal counts against: the signed credential, or else the client's address.
    let counted = handshakes.addressOf(socket.request);
    const answer = (refusal?: ReturnType<typeof refuse>) => {
      handshakes.settle(counted, refusal?.data.code);
      next(refusal);
    };
    const check = () => {
      // No one is left to answer (the client left, or sent a second CONNECT): skip the lookup.
      if (connection.readyState !== "open") return Promise.resolve(next(dropped()));
      return identify(socket, live, cookies, logins).then(
        (data) => {
          socket.data = data;
          answer();
        },
        (error) => {
          if (isLiveError(error)) return answer(refuse(error.code, error.message));
          // Not final: the browser tries again, and gets in once the database is back.
          if (health.report(error)) return answer(refuse("unavailable", UNREACHABLE_MESSAGE));
          logError("socket handshake failed", error);
          answer(refuse("internal", "The server could not check who you are."));
        },
      );
    };
    void (async () => {
      const credential = await signedCredential(socket, cookies);
      if (credential) counted = `credential:${hashToken(credential)}`;
      if (!(await handshakes.allowed(counted))) return next(refuse("rate_limited", TOO_MANY_FAILED));
      // A student's handshake reads the database: it waits in the students' lane like their events.
      if ((socket.handshake.auth as { role?: unknown } | undefined)?.role !== "participant") return void check();
      limits.runStudentWork((done) => void check().finally(done), () => answer(refuse("rate_limited", BUSY)));
    })();
  });

  const commands = createCommands((handle) => {
    registerSessionHandlers(handle, live);
    registerLobbyHandlers(handle, live);
    registerDebateHandlers(handle, live);
    registerQuizHandlers(handle, live);
  });

  /**
   * Every event a socket sends, one function for all sockets, in this order: an acknowledgement
   * to answer (without one there is no one to answer, and the command is not run), a known
   * event, the identity's rate limit, the students' lane, then the command.
   */
  function receive(socket: LiveSocket, packet: unknown[]) {
    // The acknowledgement is the packet's last argument: an event sent with none but an ack (or
    // with extra arguments) is still answered, by its schema's refusal.
    const [event] = packet;
    const ack = packet.at(-1);
    const payload = packet.length > 2 ? packet[1] : undefined;
    if (packet.length < 2 || typeof ack !== "function") return;
    // A command that found the database out of reach (answered `unavailable`) marks it down.
    const answer: Answer = (result) => {
      if (!result.ok && result.error.code === "unavailable") health.markDown("a command could not reach it");
      ack(result);
    };
    if (typeof event !== "string" || !commands.has(event)) return answer(refusal("invalid", `There is no event called “${String(event).slice(0, 40)}”.`));
    const data = socket.data;
    void limits.allow(data, event).then((allowed) => {
      if (!allowed) return answer(refusal("rate_limited", TOO_MANY));
      // A socket that left meanwhile has no one to answer: its command is not run.
      if (!socket.connected) return;
      // Votes and answers bypass the lane: they wait in their batch, which bounds their database work.
      if (data.role !== "participant" || HOT_PATH.has(event)) return void commands.run(data, event, payload, answer);
      limits.runStudentWork(
        (done) => {
          if (!socket.connected) return done();
          void commands.run(data, event, payload, (result) => {
            done();
            answer(result);
          });
        },
        () => answer(refusal("rate_limited", BUSY)),
      );
    });
  }

  io.on("connection", (socket) => {
    const data = socket.data;
    limits.admit(data, socket);
    socket.join(rooms.session(data.sessionId));
    if (data.role === "participant") {
      socket.join(rooms.participant(data.participantId));
      // The side's room from a fresh read, taken once the socket is in its student's room: a move or
      // removal committed after the handshake's check is either seen here or reaches it through that room.
      live.seatNow(data.participantId).then(
        (seat) => {
          if (!seat || !isActive(seat)) return closeRoom(io, socket.id, REMOVED);
          if (seat.sideId) socket.join(rooms.side(data.sessionId, seat.sideId));
        },
        (error) => logError("reading a seat failed", error),
      );
      if (live.presence.connect(data.participantId)) live.presenceChanged(data.sessionId, data.participantId, true);
    } else {
      socket.join(data.role === "host" ? rooms.host(data.sessionId) : rooms.projector(data.sessionId));
      socket.join(rooms.login(data.loginId));
      // A logout between the handshake's check and joining the login's room did not see this socket.
      logins.isOpen(data.loginId).then(
        (open) => open || closeRoom(io, socket.id, LOGGED_OUT),
        (error) => logError("checking a login failed", error),
      );
    }
    socket.on("disconnect", () => {
      limits.release(data, socket);
      if (data.role === "participant" && live.presence.disconnect(data.participantId)) live.presenceChanged(data.sessionId, data.participantId, false);
    });

    socket.emit("database:status", databaseStatus(health.up));
    // The socket's one middleware hands each packet to `receive` and never passes it on: no
    // socket has a listener or a closure of its own per event.
    socket.use((packet) => receive(socket, packet));
  });
}
