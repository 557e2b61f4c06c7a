// Calls from the benchmark's runner to its driver process over the fork's IPC channel: the runner
// says which scenario to run next, the driver answers with what it measured.
import type { ChildProcess } from "node:child_process";

type Handlers = Record<string, (args: any) => Promise<unknown>>;
type Request = { id: number; name: string; args: unknown };
type Reply = { id: number; result?: unknown; error?: string };

/** In the driver: answers each call with its handler's result, or its error's stack. */
export function serve(handlers: Handlers) {
  process.on("message", (request: Request) => {
    const reply = (answer: Omit<Reply, "id">) => process.send!({ id: request.id, ...answer });
    handlers[request.name](request.args).then(
      (result) => reply({ result }),
      (error: Error) => reply({ error: error.stack ?? String(error) })
    );
  });
}

/** In the runner: calls the driver's handlers one at a time; a driver that exits fails the call. */
export function caller<H extends Handlers>(child: ChildProcess) {
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on("message", (reply: Reply) => {
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) call?.reject(new Error(`driver: ${reply.error}`));
    else call?.resolve(reply.result);
  });
  child.on("exit", (code) => {
    for (const call of pending.values()) call.reject(new Error(`the driver exited (${code})`));
    pending.clear();
  });
  return <K extends keyof H & string>(name: K, args: Parameters<H[K]>[0]) =>
    new Promise<Awaited<ReturnType<H[K]>>>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, name, args } satisfies Request);
    });
}
