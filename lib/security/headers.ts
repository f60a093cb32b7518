/**
 * The Content Security Policy for a page, with a per-request nonce for Next's own scripts.
 * Styles allow 'unsafe-inline' because React writes style attributes (widths of bars);
 * scripts do not. Nothing is loaded from another origin.
 */
export function buildContentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Headers sent with every response besides the CSP and HSTS, whatever it is (page, RSC payload,
 * prefetch, route handler, static file, error): next.config.ts sets them for every path and the
 * proxy sets them again on what it answers.
 */
export const securityHeaders: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years, subdomains included: browsers then refuse plain http to this host and its subdomains. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Served over HTTPS: the configured public URL is https (a proxy in front terminates TLS), or this
 * request itself came over https. Forwarded headers are not read here: the request's protocol is
 * what the server (and a trusted proxy in front of it) established.
 */
export function isServedOverHttps(input: { requestProtocol: string; appUrl?: string | null }): boolean {
  return input.requestProtocol === "https:" || Boolean(input.appUrl?.startsWith("https://"));
}

/** The headers every response carries: the static ones, and HSTS when the app is served over HTTPS. */
export function buildResponseHeaders(options: { isHttps: boolean }): Record<string, string> {
  return options.isHttps ? { ...securityHeaders, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : { ...securityHeaders };
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
