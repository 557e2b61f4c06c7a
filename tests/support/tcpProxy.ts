// A TCP proxy between a client and a server that a test can break the way networks break:
// `freeze` goes silent without closing anything (a phone that left the Wi-Fi), `cut` drops every
// connection and refuses new ones (a database server that went away), `restore` heals both.
import net from "node:net";

export type TcpProxy = { port: number; freeze(): void; cut(): void; restore(): void; close(): Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let state: "open" | "frozen" | "cut" = "open";
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (state === "cut") return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    // Forward by hand so a frozen pair can keep both ends open while passing nothing.
    client.on("data", (chunk) => state === "open" && upstream.write(chunk));
    upstream.on("data", (chunk) => state === "open" && client.write(chunk));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => void (state = "frozen"),
    cut() {
      state = "cut";
      for (const [a, b] of pairs) a.destroy(), b.destroy();
    },
    restore: () => void (state = "open"),
    async close() {
      for (const [a, b] of pairs) a.destroy(), b.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
