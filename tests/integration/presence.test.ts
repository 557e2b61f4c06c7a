// A phone that silently leaves the Wi-Fi (no goodbye, no closed connection) shows as offline on
// the teacher's console within 15 seconds, through the server's heartbeat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "../../server/live/views/types";
import { connect, signUpTeacher, startSession, type ClientSocket } from "../support/clients";
import { backends, startServer, type TestServer } from "../support/server";
import { startTcpProxy, type TcpProxy } from "../support/tcpProxy";

const onlineOf = (view: HostView, id: string) => view.participants.find((p) => p.id === id)?.online;

describe.each(backends)("presence on %s", (backend) => {
  let server: TestServer;
  let proxy: TcpProxy;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startServer(backend);
    proxy = await startTcpProxy("127.0.0.1", Number(new URL(server.url).port));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await proxy?.close();
    await server?.close();
  });

  it("shows a phone that silently dropped off the network as offline within 15 s", { timeout: 40_000 }, async () => {
    const teacher = await signUpTeacher(server.url);
    const session = await startSession(server.url, teacher.cookie);
    const host = await connect(server.url, { role: "host", sessionId: session.id }, teacher.cookie);
    sockets.push(host);
    // Presence reaches the console as a small event per change, not a rebuilt view.
    const online = new Map<string, boolean>();
    host.on("presence:changed", (p) => online.set(p.participantId, p.online));
    const { token, participant } = await server.rostrum.live.joinSession(session.code, "Wandering Phone");
    const phone = await connect(`http://127.0.0.1:${proxy.port}`, { role: "participant", token });
    sockets.push(phone);
    await expect.poll(() => online.get(participant.id), { timeout: 5000 }).toBe(true);
    // A fresh snapshot agrees with the events.
    expect(onlineOf(await server.rostrum.live.hostView(session.id), participant.id)).toBe(true);

    proxy.freeze();
    const left = performance.now();
    await expect.poll(() => online.get(participant.id), { timeout: 20_000, interval: 100 }).toBe(false);
    const seconds = (performance.now() - left) / 1000;
    console.log(`[${backend}] a silent phone showed as offline after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(15);
  });
});
