/** Only same-site paths are followed after sign-in, so a link cannot send an editor elsewhere. */
export function readSafeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.com" would be followed as "//evil.com".
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
