// A TCP proxy between a client and a server that a test can break the way networks break, with
// nothing mocked: `freeze` goes silent without closing anything (a phone that left the Wi-Fi);
// `cut` drops every open connection and refuses new ones (a database server that went away);
// `restore` heals both.
import net from "node:net";

export type TcpProxy = { port: number; freeze(): void; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    // Forwarded by hand, so a frozen proxy keeps both ends open while passing nothing.
    client.on("data", (chunk) => frozen || upstream.write(chunk));
    upstream.on("data", (chunk) => frozen || client.write(chunk));
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("error", () => {});
      socket.once("close", () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  // Refusing (not accepting and then closing) matters: postgres.js retries a connection that
  // opens and closes cleanly forever, but gives up on a refused one at once.
  const stop = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of open) socket.destroy();
    return closed;
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    freeze: () => void (frozen = true),
    cut: stop,
    async restore() {
      frozen = false;
      if (!server.listening) await listen(port);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

/** A database URL rewritten to go through `proxy` (for startServer's `databaseUrl`). */
export const throughProxy = (proxy: TcpProxy) => (url: string) =>
  Object.assign(new URL(url), { hostname: "127.0.0.1", port: String(proxy.port) }).toString();
