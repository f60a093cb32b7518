import { AsyncLocalStorage } from "node:async_hooks";
import { KNOWN_DEVICE_DAYS } from "./known-device";

/**
 * The known-device cookie (lib/auth/known-device.ts): HttpOnly, SameSite=Lax, a year long, and
 * Secure with the __Host- prefix behind https, as next-auth does for its own cookies (it decides
 * by NEXTAUTH_URL). Only the password sign-in reads it.
 */
export function deviceCookieName(isSecure: boolean): string {
  return isSecure ? "__Host-factdesk.device" : "factdesk.device";
}

export function serializeDeviceCookie(token: string, isSecure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${KNOWN_DEVICE_DAYS * 86_400}`, "HttpOnly", "SameSite=Lax", ...(isSecure ? ["Secure"] : [])];
  return [`${deviceCookieName(isSecure)}=${token}`, ...attributes].join("; ");
}

/** The token from a request's Cookie header, under either name. */
export function readDeviceToken(headers: Record<string, unknown> | undefined): string | null {
  const header = headers?.cookie;
  if (typeof header !== "string") return null;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    if (name === deviceCookieName(true) || name === deviceCookieName(false)) return pair.slice(at + 1).trim();
  }
  return null;
}

/**
 * next-auth's credentials `authorize` cannot touch the response, so it leaves the token here and
 * the auth route (app/api/auth/[...nextauth]/route.ts) turns it into a Set-Cookie header.
 */
const pending = new AsyncLocalStorage<{ token: string | null }>();

export async function collectDeviceToken<T>(run: () => Promise<T>): Promise<{ result: T; token: string | null }> {
  const slot = { token: null as string | null };
  const result = await pending.run(slot, run);
  return { result, token: slot.token };
}

export function offerDeviceToken(token: string): void {
  const slot = pending.getStore();
  if (slot) slot.token = token;
}
