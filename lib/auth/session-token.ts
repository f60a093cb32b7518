import { decode } from "next-auth/jwt";
import type { Db } from "@/lib/config/prisma-client";
import { loadSessionUser, type ActiveSessionUser } from "./sessions";

type Cookie = { name: string; value: string };

/**
 * The session cookie's name as next-auth sets it at sign-in: `__Secure-` first when the app's
 * address is https (next-auth's own `getToken` decides the same way).
 */
export function sessionCookieName(appUrl: string | undefined): string {
  const isSecure = appUrl ? appUrl.startsWith("https://") : Boolean(process.env.VERCEL);
  return `${isSecure ? "__Secure-" : ""}next-auth.session-token`;
}

/** The cookie's value, joined again when next-auth split a large one into `.0`, `.1`, … (its SessionStore). */
function readChunkedCookie(cookies: Cookie[], name: string): string {
  const chunks = cookies.filter((cookie) => cookie.name.startsWith(name));
  const suffix = (cookie: Cookie) => parseInt(cookie.name.split(".").pop() ?? "0");
  return chunks.sort((a, b) => suffix(a) - suffix(b)).map((cookie) => cookie.value).join("");
}

/**
 * The signed-in user behind a request's cookies, as next-auth's session route answers it with our
 * options (lib/auth/options.ts: the cookie's JWT names a session row, which `loadSessionUser`
 * checks), without the rest of that route: it builds every provider, runs the jwt callback (which
 * changes nothing outside sign-in) and encrypts a renewed cookie that a server component or action
 * cannot set and next-auth throws away. A cookie that does not decrypt, is expired or names no
 * usable session is nobody's.
 */
export async function readSessionUser(
  db: Pick<Db, "session" | "user">,
  cookies: Cookie[],
  options: { appUrl: string | undefined; secret: string; isMailEnabled: boolean },
): Promise<ActiveSessionUser | null> {
  const token = readChunkedCookie(cookies, sessionCookieName(options.appUrl));
  if (!token) return null;
  const payload = await decode({ token, secret: options.secret }).catch(() => null);
  if (typeof payload?.sid !== "string") return null;
  return loadSessionUser(db, payload.sid, { isMailEnabled: options.isMailEnabled });
}
