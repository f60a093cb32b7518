import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Sets a fresh CSP nonce and the security headers on every page response, and passes the path on.
 * An address that is not valid UTF-8 once decoded (%FF, or an encoded lone surrogate) is refused
 * here: Next would fail on it while reading a dynamic segment and answer a bare 500.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === "development",
    isHttps: request.nextUrl.protocol === "https:",
  });
  if (!isDecodable(request.nextUrl.pathname)) {
    const response = new NextResponse("400 Bad Request: this address is not valid.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    return withSecurityHeaders(response, policy);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where the request was going, so a page that sends an anonymous visitor to sign in can bring
  // them back to it (lib/auth/page-guard.ts).
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
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

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
