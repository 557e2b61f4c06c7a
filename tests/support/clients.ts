// Real clients for tests: HTTP form posts as a browser sends them, and socket.io-client sockets.
import { io, type Socket } from "socket.io-client";
import type { Ack } from "../../server/live/errors";
import type { ClientEvent, ClientToServerEvents, Handshake, Payload, Results, ServerToClientEvents } from "../../server/realtime/events";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Posts a form without following the redirect, so the test sees the answer itself. */
export async function postForm(url: string, fields: Record<string, string> | URLSearchParams, cookie?: string) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
  });
}

/** The `name=value` pairs a browser would send back from a response's Set-Cookie headers. */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

let teachers = 0;
export async function signUpTeacher(baseUrl: string, name = "Ms Teacher") {
  const email = `teacher${++teachers}-${Date.now()}@school.example`;
  const res = await postForm(`${baseUrl}/signup`, { name, email, password: "a-long-passphrase" });
  if (res.status !== 302) throw new Error(`signup failed: ${res.status}`);
  return { email, cookie: cookiesOf(res) };
}

export function connect(baseUrl: string, auth: Handshake, cookie?: string, headers: Record<string, string> = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
  });
  return new Promise((resolve, reject) => {
    // A server that closes the connection before answering the handshake (Socket.IO's 45 s
    // connectTimeout) sends no connect_error: without this the promise never settled.
    const closed = (reason: string) => reject(new Error(`The connection closed before its handshake was answered (${reason}).`));
    socket.once("disconnect", closed);
    socket.once("connect", () => {
      socket.off("disconnect", closed);
      resolve(socket);
    });
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The refusal a handshake gets: its message and stable code. */
export async function refusal(baseUrl: string, auth: Handshake, cookie?: string, headers?: Record<string, string>) {
  try {
    const socket = await connect(baseUrl, auth, cookie, headers);
    socket.close();
    return undefined;
  } catch (error) {
    return { message: (error as Error).message, code: (error as Error & { data?: { code: string } }).data?.code };
  }
}

export function send<E extends ClientEvent>(socket: ClientSocket, event: E, payload: Payload<E>): Promise<Ack<Results[E]>> {
  const withTimeout = socket.timeout(5000);
  const emit = withTimeout.emitWithAck.bind(withTimeout) as (e: E, p: Payload<E>) => Promise<Ack<Results[E]>>;
  return emit(event, payload);
}

/** Resolves with the next event that matches, or fails after a few seconds. */
export function nextEvent<K extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: K,
  matches: (payload: Parameters<ServerToClientEvents[K]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no matching ${event} within 5s`));
    }, 5000);
    const listener = (payload: Parameters<ServerToClientEvents[K]>[0]) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/**
 * Starts a session through the teacher's library form; returns its id and join code. With
 * `rounds` (the scenario's round indexes and their seconds), as the preview's adapted plan.
 */
export async function startSession(baseUrl: string, cookie: string, scenarioId = "conditioned-engagement", capacity = 60, rounds?: { index: number; seconds: number }[]) {
  const form = new URLSearchParams({ scenarioId, capacity: String(capacity) });
  if (rounds) {
    form.set("plan", "custom");
    for (const { index, seconds } of rounds) {
      form.append("keep", String(index));
      form.set(`minutes-${index}`, String(seconds / 60));
    }
  }
  const res = await postForm(`${baseUrl}/teacher`, form, cookie);
  const location = res.headers.get("location") ?? "";
  const id = location.match(/\/teacher\/sessions\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`starting a session failed: ${res.status} ${location}`);
  const host = await connect(baseUrl, { role: "host", sessionId: id }, cookie);
  const view = await send(host, "session:snapshot", {});
  host.close();
  if (!view.ok || view.data.audience !== "host") throw new Error("no host view");
  return { id, code: view.data.session.code };
}

/** A page as a browser without JavaScript gets it, without following a redirect. */
export async function page(baseUrl: string, path: string, cookie?: string) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** Resolves with the reason the server gives when it closes the socket, or fails after a few seconds. */
export const closedBy = (socket: ClientSocket) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket still open after 5s")), 5000);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

/** Opens sockets with `connect` and remembers them, so a test file closes them all at the end. */
export function socketsToClose() {
  const sockets: ClientSocket[] = [];
  return {
    async open(...args: Parameters<typeof connect>) {
      const socket = await connect(...args);
      sockets.push(socket);
      return socket;
    },
    closeAll: () => sockets.splice(0).forEach((s) => s.close()),
  };
}
