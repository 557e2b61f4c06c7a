// An attacker with no credentials, in its own process: raw engine.io WebSockets (no Socket.IO
// client, which would send one CONNECT and wait) that send namespace CONNECT packets with random
// seat tokens as fast as the plan says. When the server closes a connection, it opens another,
// as a real attacker would. With `once`, each connection sends one CONNECT and, answered, makes
// way for the next, as a client that plays by the one-CONNECT rule; `stopOn` ends the flood at
// the first refusal with that code. Run with `node --experimental-websocket` (Node 20's WebSocket) by
// tests/integration/handshake-flood.test.ts; stops by itself after `seconds`, then prints counts.
import { randomBytes } from "node:crypto";

type Plan = { url: string; connections: number; perSecond: number; seconds: number; forwardedFor: string; once?: boolean; stopOn?: string };

const plan = JSON.parse(process.env.FLOOD_PLAN ?? "{}") as Plan;
const counts = { opened: 0, closedByServer: 0, sent: 0, refusals: {} as Record<string, number> };
let until = Date.now() + plan.seconds * 1000;
const endpoint = `${plan.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
const connectPacket = () => `40${JSON.stringify({ role: "participant", token: randomBytes(24).toString("base64url") })}`;
let ready = false;

/** One connection: answer the open packet, then CONNECT in batches every 10 ms until closed. */
function attack(): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(endpoint, { headers: { "x-forwarded-for": plan.forwardedFor } } as never);
    let timer: ReturnType<typeof setInterval> | undefined;
    let ended = false;
    const end = () => {
      clearInterval(timer);
      if (!ended) resolve();
      ended = true;
    };
    ws.onmessage = ({ data }) => {
      const text = String(data);
      if (text === "2") return ws.send("3");
      if (text.startsWith("44")) {
        const code = (JSON.parse(text.slice(2)) as { data?: { code?: string } }).data?.code ?? "none";
        counts.refusals[code] = (counts.refusals[code] ?? 0) + 1;
        if (code === plan.stopOn) until = 0;
        if (plan.once) ws.close();
      }
      if (!text.startsWith("0")) return;
      counts.opened++;
      if (!ready) process.stdout.write("ready\n");
      ready = true;
      if (plan.once) {
        ws.send(connectPacket());
        return void counts.sent++;
      }
      const batch = Math.max(1, Math.round(plan.perSecond / plan.connections / 100));
      timer = setInterval(() => {
        if (Date.now() >= until) return ws.close();
        for (let i = 0; i < batch && ws.readyState === WebSocket.OPEN; i++) {
          ws.send(connectPacket());
          counts.sent++;
        }
      }, 10);
    };
    ws.onclose = () => {
      if (Date.now() < until) counts.closedByServer++;
      end();
    };
    ws.onerror = end;
  });
}

await Promise.all(
  Array.from({ length: plan.connections }, async () => {
    while (Date.now() < until) await attack();
  }),
);
process.stdout.write(JSON.stringify(counts) + "\n");
process.exit(0);
