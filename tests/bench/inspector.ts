// What a server process holds in memory, read after a full garbage collection. RSS alone says
// little: a PGlite server carries hundreds of MB of start-up garbage until some later major
// collection, and freed sockets stay in the heap until one runs. So the benchmark starts its
// servers with an inspector on a random loopback port (INSPECT) and, before reading VmRSS, asks
// it through the DevTools protocol to collect garbage. Needs the global WebSocket (Node 22, or
// Node 20 with --experimental-websocket, which `npm run bench` passes).
import { rssKb } from "./processStats";

/** NODE_OPTIONS for a process to measure: an inspector on a free loopback port, idle until asked. */
export const INSPECT = "--inspect=127.0.0.1:0";

/** The inspector's address, from what the process printed at start. */
export function inspectorUrl(output: string): string {
  const url = output.match(/Debugger listening on (ws:\/\/\S+)/)?.[1];
  if (!url) throw new Error(`no inspector address in the process's output:\n${output}`);
  return url;
}

/** Runs DevTools protocol commands in order on one connection and answers their results. */
async function devtools(url: string, commands: { method: string; params?: object }[]) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error(`could not reach the inspector at ${url}`)), { once: true });
  });
  const replies = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (message) => {
    const reply = JSON.parse(String(message.data)) as { id?: number; result?: unknown };
    if (reply.id !== undefined) replies.get(reply.id)?.(reply.result);
  });
  try {
    const results: unknown[] = [];
    for (const [id, command] of commands.entries()) {
      const reply = new Promise((resolve) => replies.set(id, resolve));
      socket.send(JSON.stringify({ id, ...command }));
      results.push(await reply);
    }
    return results;
  } finally {
    socket.close();
  }
}

/** Resident memory and V8 heap in use (KB), after a full garbage collection. */
export async function heldMemory(pid: number, url: string) {
  const [, evaluated] = await devtools(url, [
    { method: "HeapProfiler.collectGarbage" },
    { method: "Runtime.evaluate", params: { expression: "process.memoryUsage().heapUsed", returnByValue: true } },
  ]);
  const heapUsed = (evaluated as { result: { value: number } }).result.value;
  return { rssKb: rssKb(pid), heapKb: heapUsed / 1024 };
}
