// A TCP proxy between the server and PostgreSQL that a test can cut and restore: a real outage
// as the server sees one (open connections dropped, new ones refused), with nothing mocked.
import net from "node:net";

export type TcpProxy = { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("error", () => {});
      socket.once("close", () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  /** Stops listening (new connections are refused) and drops every open one. */
  const stop = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of open) socket.destroy();
    return closed;
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return { port, cut: stop, restore: () => listen(port), close: () => (server.listening ? stop() : Promise.resolve()) };
}

/** A database URL rewritten to go through `proxy` (for startServer's `databaseUrl`). */
export const throughProxy = (proxy: TcpProxy) => (url: string) =>
  Object.assign(new URL(url), { hostname: "127.0.0.1", port: String(proxy.port) }).toString();
