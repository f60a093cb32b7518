import http from "node:http";
import https from "node:https";
import { isIPv6, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { PageTransport } from "./fetch-page";

/**
 * The default transport: node:http(s) with the DNS lookup replaced by the vetted
 * address. The host name still goes into Host and TLS SNI, so certificates are
 * checked against the name; no pooled socket is reused (`agent: false`).
 */
export const requestPinned: PageTransport = ({ url, address, headers, signal }) =>
  new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const lookup = pinLookup(address, isIPv6(address) ? 6 : 4);
    const request = client.request(url, { headers, signal, lookup, agent: false }, (response) => {
      const { stream, isDecoded } = decompress(response);
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined || (isDecoded && name === "content-length")) continue;
        for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
      }
      const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
      resolve({ status: response.statusCode ?? 0, headers: responseHeaders, body });
    });
    request.on("error", reject);
    request.end();
  });

function pinLookup(address: string, family: number): LookupFunction {
  // Node asks with { all: true } when it may try several addresses (autoSelectFamily).
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/** The size limit then counts decompressed bytes, so a small gzip bomb is stopped too. */
function decompress(response: http.IncomingMessage): { stream: Readable; isDecoded: boolean } {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip()
    : encoding === "deflate" ? zlib.createInflate()
    : encoding === "br" ? zlib.createBrotliDecompress()
    : null;
  if (!decoder) return { stream: response, isDecoded: false };
  response.on("error", (error) => decoder.destroy(error));
  // Cancelling the body (size limit, redirect) destroys the decoder; the socket must go with it.
  decoder.on("close", () => response.destroy());
  return { stream: response.pipe(decoder), isDecoded: true };
}
