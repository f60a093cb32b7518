/** Only same-site paths are followed after sign-in, so a link cannot send an editor elsewhere. */
export function readSafeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
