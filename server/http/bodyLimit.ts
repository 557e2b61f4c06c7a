// Every request body is bounded before anything parses it: a declared length over the limit is
// refused before a byte is read, and a chunked body is counted as it arrives and refused once it
// passes the limit. A body within the limit is kept in `req.body` (a Buffer) for Remix.
import type { RequestHandler, Response } from "express";
import { sendErrorPage } from "./errorPage";

function tooLarge(res: Response, limit: number) {
  // Closing the connection stops the client sending the rest and keeps it off a reused connection.
  sendErrorPage(res, 413, "Too large", `What was sent is larger than this page accepts (${Math.round(limit / 1024)} KB).`, { Connection: "close" });
}

export function bodyLimit(limitFor: (path: string) => number): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers["content-length"];
    if (req.headers["transfer-encoding"] === undefined && (declared === undefined || declared === "0")) return next();
    const limit = limitFor(req.path);
    if (Number(declared) > limit) return tooLarge(res, limit);
    // A client that asked first (Expect: 100-continue) is invited to send only now, within the limit.
    if (req.headers.expect?.toLowerCase() === "100-continue") res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).pause();
      tooLarge(res, limit);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size > limit) return;
      req.body = Buffer.concat(chunks);
      next();
    });
    // An aborted upload has nobody left to answer.
    req.once("error", () => {});
  };
}
