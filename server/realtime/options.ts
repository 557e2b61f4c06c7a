// How the Socket.IO server is set up for classrooms.
import type { ServerOptions } from "socket.io";

export const socketServerOptions: Partial<ServerOptions> = {
  serveClient: false,
  // A phone that silently leaves the Wi-Fi shows as offline within pingInterval + pingTimeout
  // (13 s). A ping is a two-byte frame on the open connection every 8 s, which a phone answers
  // without waking anything else: far from what drains a battery.
  pingInterval: 8_000,
  pingTimeout: 5_000,
  // Every event of ours is a small JSON object; a megabyte message (the default) is only an attack.
  maxHttpBufferSize: 64 * 1024,
};
