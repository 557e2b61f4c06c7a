// A flooding client in its own process, as an attacker's machine would be: it opens sockets
// with the seats it is given and sends events at a fixed rate, then prints what it got back.
// Run by tests (see tests/integration/fairness.test.ts); it stops by itself after `seconds`.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

type Plan = {
  url: string;
  tokens: string[];
  socketsPerToken: number;
  perSecond: number;
  seconds: number;
  event: string;
  /** What each event carries ({} when left out); `freshClientId` adds a new clientId to each, as a phone does per submit. */
  payload?: Record<string, unknown>;
  freshClientId?: boolean;
};

const plan = JSON.parse(process.env.FLOOD_PLAN ?? "{}") as Plan;
const answers: Record<string, number> = {};
let connected = 0;
let refused = 0;
let sent = 0;

function open(token: string): Promise<Socket | undefined> {
  const socket = io(plan.url, { auth: { role: "participant", token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      connected++;
      resolve(socket);
    });
    socket.once("connect_error", () => {
      refused++;
      socket.close();
      resolve(undefined);
    });
  });
}

const sockets = (await Promise.all(plan.tokens.flatMap((t) => Array.from({ length: plan.socketsPerToken }, () => open(t))))).filter(
  (s): s is Socket => s !== undefined,
);
process.stdout.write("ready\n");
const until = Date.now() + plan.seconds * 1000;
await Promise.all(
  sockets.map(async (socket, i) => {
    // Spread the sockets over the first interval so the load is steady, not a pulse.
    await new Promise((r) => setTimeout(r, (i / sockets.length) * (1000 / plan.perSecond)));
    while (Date.now() < until && socket.connected) {
      sent++;
      socket
        .timeout(10_000)
        .emitWithAck(plan.event, { ...plan.payload, ...(plan.freshClientId ? { clientId: randomUUID() } : {}) })
        .then(
          (a: { ok: boolean; error?: { code: string } }) => (answers[a.ok ? "ok" : a.error!.code] = (answers[a.ok ? "ok" : a.error!.code] ?? 0) + 1),
          () => (answers.timeout = (answers.timeout ?? 0) + 1),
        );
      await new Promise((r) => setTimeout(r, 1000 / plan.perSecond));
    }
  }),
);
await new Promise((r) => setTimeout(r, 500));
// Counted before closing our own sockets: the ones the server closed during the flood.
const disconnected = sockets.filter((s) => !s.connected).length;
for (const s of sockets) s.close();
process.stdout.write(JSON.stringify({ connected, refused, sent, answers, disconnected }) + "\n");
process.exit(0);
