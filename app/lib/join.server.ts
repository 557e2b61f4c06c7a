// The address students type or scan. PUBLIC_URL wins; a teacher browsing on localhost gets the
// computer's network address instead, since a phone cannot reach "localhost".
import { networkInterfaces } from "node:os";
import QRCode from "qrcode";

const loopback = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const net of list ?? []) if (net.family === "IPv4" && !net.internal) return net.address;
  return undefined;
}

export function joinOrigin(request: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const url = new URL(request.url);
  const lan = loopback.has(url.hostname) ? lanAddress() : undefined;
  return lan ? `${url.protocol}//${lan}${url.port ? `:${url.port}` : ""}` : url.origin;
}

export async function joinDetails(request: Request, publicUrl: string | undefined, code: string) {
  const joinUrl = `${joinOrigin(request, publicUrl)}/join/${code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { joinUrl, qrSvg };
}
