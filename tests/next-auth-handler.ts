import NextAuth, { type NextAuthOptions } from "next-auth";

/**
 * Calls next-auth's own handler in its API-route form (which needs no Next request context) with
 * our options, recording the Set-Cookie headers and the body it answers with.
 */
export async function callNextAuth(
  options: NextAuthOptions,
  request: { method: string; action: string[]; body?: Record<string, string>; cookies?: Record<string, string> },
) {
  const headers = new Map<string, unknown>();
  let body: unknown;
  const res = {
    status: () => res,
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    json: (value: unknown) => (body = value),
    send: (value: unknown) => (body = value),
    end: () => undefined,
  };
  const req = {
    method: request.method,
    query: { nextauth: request.action },
    body: request.body ?? {},
    cookies: request.cookies ?? {},
    headers: { host: new URL(process.env.NEXTAUTH_URL!).host, "content-type": "application/x-www-form-urlencoded" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
  return { setCookies: (headers.get("set-cookie") as string[] | undefined) ?? [], body };
}

/** A Set-Cookie header as a name and value to send back. */
export function readCookie(setCookie: string): [string, string] {
  const [name, ...rest] = setCookie.split(";")[0].split("=");
  return [name, decodeURIComponent(rest.join("="))];
}
