import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { buildContentSecurityPolicy, buildResponseHeaders, createNonce, isServedOverHttps } from "@/lib/security/headers";
import { checkWriteOrigin } from "@/lib/security/origin";

/** Built files and the icon: no page, so no CSP nonce, but the same headers as everything else. */
const STATIC_FILE = /^\/(?:_next\/static\/|_next\/image(?:\/|$)|favicon\.ico$)/;

/**
 * Runs on every request, prefetches, RSC payloads, route handlers and static files included, so
 * every response carries the security headers (and HSTS when the app is served over HTTPS);
 * pages also get a fresh CSP nonce. A state-changing request whose Origin is missing or another
 * site's is refused here (lib/security/origin.ts). An address that is not valid UTF-8 once
 * decoded (%FF, or an encoded lone surrogate) is refused too: Next would fail on it while
 * reading a dynamic segment and answer a bare 500.
 */
export function proxy(request: NextRequest) {
  const appUrl = getEnv().NEXTAUTH_URL;
  const isHttps = isServedOverHttps({ requestProtocol: request.nextUrl.protocol, appUrl });
  const headers = buildResponseHeaders({ isHttps });
  const { pathname } = request.nextUrl;
  if (STATIC_FILE.test(pathname)) return withHeaders(NextResponse.next(), headers);
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development", isHttps });
  const pageHeaders = { ...headers, "Content-Security-Policy": policy };
  if (!isDecodable(pathname)) return withHeaders(plainText(400, "400 Bad Request: this address is not valid.\n"), pageHeaders);
  const refusal = checkWriteOrigin({ method: request.method, pathname, origin: request.headers.get("origin"), host: request.headers.get("host"), appUrl });
  if (refusal) return withHeaders(plainText(403, `403 Forbidden: ${refusal} Changes are accepted only from FactDesk's own pages.\n`), pageHeaders);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where the request was going, so a page that sends an anonymous visitor to sign in can bring
  // them back to it (lib/auth/page-guard.ts).
  requestHeaders.set("x-pathname", pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", policy);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pageHeaders);
}

function plainText(status: number, body: string): NextResponse {
  return new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Every request: no `missing` condition for prefetches (their responses need the headers too,
// and a POST must not skip the Origin check by claiming to be a prefetch).
export const config = { matcher: ["/:path*"] };
