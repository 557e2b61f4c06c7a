// The benchmark's baseline: a bare Socket.IO server (the same socket.io package as Rostrum) that
// does the least a vote needs: check its shape by hand, keep each socket's last vote, ack at
// once, and broadcast a coalesced tally to one room every 250 ms, as Rostrum's tallies are. What
// Rostrum adds on top of this (validation, the open-poll gate, the batched commit) is what the
// votes scenario compares. Run as its own process; prints "ready on http://127.0.0.1:PORT".
import { createServer } from "node:http";
import { Server } from "socket.io";

const OPTIONS = 8;
const TALLY_MS = 250;
const ROOM = "class";

const http = createServer();
const io = new Server(http, { transports: ["websocket"] });

/** Each socket's last vote, and the counts they make. */
const votes = new Map<string, number[]>();
const counts = new Array<number>(OPTIONS).fill(0);
let seq = 0;
let changed = false;

const isVote = (payload: unknown): payload is { pollId: string; choices: number[] } => {
  if (typeof payload !== "object" || payload === null) return false;
  const { pollId, choices } = payload as Record<string, unknown>;
  return (
    typeof pollId === "string" && Array.isArray(choices) && choices.length <= OPTIONS && choices.every((c) => Number.isInteger(c) && c >= 0 && c < OPTIONS)
  );
};

io.on("connection", (socket) => {
  socket.join(ROOM);
  socket.on("poll:vote", (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    if (!isVote(payload)) return ack({ ok: false, error: { code: "invalid", message: "Not a vote." } });
    for (const c of votes.get(socket.id) ?? []) counts[c]--;
    for (const c of payload.choices) counts[c]++;
    votes.set(socket.id, payload.choices);
    changed = true;
    ack({ ok: true, data: null });
  });
  socket.on("disconnect", () => {
    for (const c of votes.get(socket.id) ?? []) counts[c]--;
    votes.delete(socket.id);
  });
});

setInterval(() => {
  if (!changed) return;
  changed = false;
  io.to(ROOM).emit("poll:tally", { pollId: "baseline", seq: ++seq, voted: votes.size, of: io.engine.clientsCount, counts, cloud: null });
}, TALLY_MS);

http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  if (address && typeof address === "object") console.log(`ready on http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => {
  io.close();
  process.exit(0);
});
