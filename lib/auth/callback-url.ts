const PROBE_ORIGIN = "http://callback.invalid";

/**
 * Only same-site paths are followed after sign-in, so a link cannot send an editor elsewhere.
 * The path comes back as the browser would request it: parsed as a URL on this site and
 * percent-encoded, so "/\u3000/x" is "/%E3%80%80/x" (the same address, and one that can go into a
 * Location header, which a raw non-ASCII character cannot). Anything that would leave the site,
 * or that cannot be read as a path, falls back.
 */
export function readSafeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.com" would be followed as "//evil.com".
  if (/[\u0000-\u001f\u007f]/.test(value) || !value.isWellFormed()) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Once normalised ("/.//evil.com" becomes "//evil.com"), a path must still not name another host.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
