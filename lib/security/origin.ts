/** Methods that change something; a browser sends `Origin` with every one of them. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * next-auth's own endpoints check a double-submit CSRF token of their own, and an identity
 * provider may post its answer back from its origin (OIDC form_post).
 */
const OWN_CSRF_PROTECTION = /^\/api\/auth\//;

export type WriteRequest = {
  method: string;
  pathname: string;
  /** The `Origin` header as sent, or null. */
  origin: string | null;
  /** The `Host` header as sent, or null. */
  host: string | null;
  /** NEXTAUTH_URL, the app's public address, when configured. */
  appUrl?: string | null;
};

/**
 * Why a state-changing request is refused as possibly cross-site, or null when it may go on.
 * Next checks a server action's `Origin` against the host only when the header is present; a
 * form posted without JavaScript is an action too (no `Next-Action` header, `$ACTION_ID_` in the
 * body). So every unsafe request must carry an `Origin` that is this app's: the origin of
 * NEXTAUTH_URL, or the host the request was sent to. Browsers always send it on POST.
 */
export function checkWriteOrigin(request: WriteRequest): string | null {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase()) || OWN_CSRF_PROTECTION.test(request.pathname)) return null;
  if (!request.origin) return "The request has no Origin header.";
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return "The request's Origin is not an address.";
  }
  if (origin.protocol !== "https:" && origin.protocol !== "http:") return "The request's Origin is not a web address.";
  if (request.appUrl && origin.origin === new URL(request.appUrl).origin) return null;
  if (request.host && origin.host === request.host.toLowerCase()) return null;
  return "The request comes from another site.";
}
