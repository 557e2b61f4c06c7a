// What a server process holds in memory, read after full garbage collections. RSS alone says
// little: closed sockets and other garbage stay resident until a major collection runs, which an
// idle server may not do for minutes. So the benchmark starts its servers with an inspector on
// a random loopback port (INSPECT) and, before reading VmRSS, asks it through the DevTools
// protocol to collect garbage. Needs the global WebSocket (Node 22, or
// Node 20 with --experimental-websocket, which `npm run bench` passes).
import { sleep } from "./pace";
import { rssKb } from "./processStats";

/** Two readings a second apart closer than this count as settled. */
const STEADY_KB = 256;

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
async function afterCollection(pid: number, url: string) {
  const [, evaluated] = await devtools(url, [
    { method: "HeapProfiler.collectGarbage" },
    { method: "Runtime.evaluate", params: { expression: "process.memoryUsage().heapUsed", returnByValue: true } },
  ]);
  return { rssKb: rssKb(pid), heapKb: (evaluated as { result: { value: number } }).result.value / 1024 };
}

/**
 * Resident memory and V8 heap in use (KB), once collecting garbage no longer changes them: one
 * collection leaves objects that only a later one frees, and the pages it freed go back to the
 * system over the next second or two.
 */
export async function heldMemory(pid: number, url: string) {
  let last = await afterCollection(pid, url);
  for (let round = 0; round < 8; round++) {
    await sleep(1000);
    const now = await afterCollection(pid, url);
    const settled = Math.abs(now.rssKb - last.rssKb) < STEADY_KB && Math.abs(now.heapKb - last.heapKb) < STEADY_KB;
    last = now;
    if (settled) break;
  }
  return last;
}
