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

type Message = { id?: number; result?: unknown; method?: string; params?: Record<string, unknown> };

/** A DevTools protocol connection: `call` answers a command's result; `events` keeps what the process sent unasked. */
async function connectDevtools(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error(`could not reach the inspector at ${url}`)), { once: true });
  });
  let next = 0;
  const replies = new Map<number, (result: unknown) => void>();
  const events: Message[] = [];
  const waiting: (() => void)[] = [];
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(String(message.data)) as Message;
    if (data.id !== undefined) replies.get(data.id)?.(data.result);
    else events.push(data);
    waiting.splice(0).forEach((wake) => wake());
  });
  return {
    events,
    call(method: string, params: object = {}) {
      const id = next++;
      return new Promise<unknown>((resolve) => {
        replies.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    /** Waits for the event `matches` accepts (looking at those already here first). */
    async event(matches: (event: Message) => boolean) {
      for (;;) {
        const found = events.find(matches);
        if (found) return found;
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
    close: () => socket.close(),
  };
}

/**
 * Resident memory and V8 heap in use (KB), after a full garbage collection in the main thread
 * and in every worker: tsx's module hooks run on a loader thread whose start-up garbage, tens of
 * MB, is otherwise freed at some moment of its own and would land between two readings.
 */
async function afterCollection(pid: number, url: string) {
  const devtools = await connectDevtools(url);
  try {
    await devtools.call("NodeWorker.enable", { waitForDebuggerOnStart: false });
    // The workers already running are announced right after the enable.
    await sleep(100);
    const workers = devtools.events.filter((e) => e.method === "NodeWorker.attachedToWorker").map((e) => String(e.params!.sessionId));
    for (const sessionId of workers) {
      await devtools.call("NodeWorker.sendMessageToWorker", { sessionId, message: JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }) });
      await devtools.event(
        (e) => e.method === "NodeWorker.receivedMessageFromWorker" && e.params!.sessionId === sessionId && JSON.parse(String(e.params!.message)).id === 1
      );
    }
    await devtools.call("HeapProfiler.collectGarbage");
    const evaluated = await devtools.call("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true });
    return { rssKb: rssKb(pid), heapKb: (evaluated as { result: { value: number } }).result.value / 1024 };
  } finally {
    devtools.close();
  }
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
