// Raw HTTP for tests that need what fetch hides: any method, header or body, a chosen source
// address (each address is a different client to per-address limits), and streamed bodies.
import http from "node:http";

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** The `name=value` pairs a browser would send back from a raw answer's Set-Cookie headers (cookiesOf for fetch). */
export const rawCookiesOf = (answer: RawAnswer) => (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * Streams `total` bytes of form data (declared or chunked) and reports the answer and how much
 * was sent before it came, without ever holding the body in memory.
 */
export function streamUpload(url: string, total: number, declareLength: boolean, type = "application/x-www-form-urlencoded") {
  return new Promise<{ status: number; text: string; sentBeforeAnswer: number }>((resolve, reject) => {
    const prefix = "name=";
    let sent = prefix.length;
    let answered = false;
    const headers: Record<string, string> = { "content-type": type, ...(declareLength ? { "content-length": String(total + prefix.length) } : {}) };
    const req = http.request(url, { method: "POST", headers, agent: false }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), sentBeforeAnswer }));
      res.on("error", reject);
    });
    // The server closing the connection mid-upload is the point; only a missing answer is a failure.
    req.on("error", (error) => setTimeout(() => answered || reject(error), 100));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && !req.destroyed && sent < total + prefix.length) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    req.write(prefix);
    pump();
  });
}
