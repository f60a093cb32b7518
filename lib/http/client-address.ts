import { normalizeAddress } from "./ip";

/**
 * Set by server.ts, in the process that serves the app, once it rewrites every request's
 * forwarded headers. A symbol on globalThis because server.ts and the app's bundled code each
 * load their own copy of this module.
 */
const RESOLVED = Symbol.for("factdesk.forwarded-headers-resolved");

export function markForwardedHeadersResolved(): void {
  (globalThis as Record<symbol, unknown>)[RESOLVED] = true;
}

export function areForwardedHeadersResolved(): boolean {
  return (globalThis as Record<symbol, unknown>)[RESOLVED] === true;
}

/**
 * The client's address for limits and the audit log: the one address server.ts wrote into
 * X-Forwarded-For from the TCP peer and the trusted proxies (lib/http/forwarded-headers.ts).
 * Served any other way (`next dev`, a bare `next start`), the header is whatever the client sent,
 * so the address is unknown (null): per-address limits do not apply and nothing is logged as one.
 */
export function readClientAddress(headers: Headers | Record<string, unknown> | undefined): string | null {
  if (!areForwardedHeadersResolved()) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  return typeof raw === "string" ? normalizeAddress(raw) : null;
}
