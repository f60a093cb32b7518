import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { normalizeAddress } from "./ip";
import type { TrustedProxies } from "./trusted-proxies";

export type Forwarding = {
  /** The client's address: the TCP peer, or what trusted proxies say they received it from. */
  clientAddress: string | null;
  proto: "http" | "https";
  /** The host and port the client asked for, when a trusted proxy says so; null: the Host header stands. */
  host: string | null;
  port: string | null;
  isPeerTrusted: boolean;
};

/**
 * Who the client is, from the TCP peer and the forwarded headers, believing a header only from a
 * trusted proxy. X-Forwarded-For is read from the right: each trusted hop vouches for the one to
 * its left, and the first address that is not a trusted proxy is the client. What a client writes
 * into the header itself sits further left and is never reached (RFC 7239 section 8.1). The other
 * headers are taken from the nearest proxy, the rightmost value.
 */
export function resolveForwarding(
  request: { peer: string | undefined; isEncrypted: boolean; headers: IncomingHttpHeaders },
  proxies: TrustedProxies,
): Forwarding {
  const peer = normalizeAddress(request.peer);
  const isPeerTrusted = peer !== null && proxies.isTrusted(peer);
  const ownProto = request.isEncrypted ? "https" : "http";
  if (!isPeerTrusted) return { clientAddress: peer, proto: ownProto, host: null, port: null, isPeerTrusted };
  let client = peer;
  for (const hop of listValues(request.headers["x-forwarded-for"]).reverse()) {
    if (!proxies.isTrusted(client)) break;
    const address = normalizeAddress(hop);
    // A hop that is not an address cannot be followed: the last trusted one is as far as we know.
    if (!address) break;
    client = address;
  }
  const proto = listValues(request.headers["x-forwarded-proto"]).at(-1)?.toLowerCase();
  const host = listValues(request.headers["x-forwarded-host"]).at(-1);
  const port = listValues(request.headers["x-forwarded-port"]).at(-1);
  return {
    clientAddress: client,
    proto: proto === "https" || proto === "http" ? proto : ownProto,
    host: host ?? null,
    port: port && /^\d{1,5}$/.test(port) ? port : null,
    isPeerTrusted,
  };
}

/**
 * Rewrites the forwarded headers of an incoming request with what resolveForwarding found,
 * before Next.js reads them: X-Forwarded-For then holds exactly one address, the client's, and
 * nothing a client wrote reaches the app unless a trusted proxy passed it on.
 */
export function rewriteForwardedHeaders(request: IncomingMessage, proxies: TrustedProxies): Forwarding {
  const socket = request.socket as Partial<TLSSocket> | undefined;
  const forwarding = resolveForwarding(
    { peer: socket?.remoteAddress, isEncrypted: Boolean(socket?.encrypted), headers: request.headers },
    proxies,
  );
  const headers = request.headers;
  setOrDelete(headers, "x-forwarded-for", forwarding.clientAddress);
  headers["x-forwarded-proto"] = forwarding.proto;
  // Without a trusted value Next.js fills these from the Host header and its own port.
  setOrDelete(headers, "x-forwarded-host", forwarding.host);
  setOrDelete(headers, "x-forwarded-port", forwarding.port);
  if (!forwarding.isPeerTrusted) {
    delete headers.forwarded;
    delete headers["x-real-ip"];
  }
  return forwarding;
}

function setOrDelete(headers: IncomingHttpHeaders, name: string, value: string | null) {
  if (value === null) delete headers[name];
  else headers[name] = value;
}

/** A header's comma-separated values; Node joins repeated X-Forwarded-* headers with ", ". */
function listValues(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined.split(",").map((value) => value.trim()).filter(Boolean);
}
