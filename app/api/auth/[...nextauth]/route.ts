// GET/POST /api/auth/* - next-auth's own endpoints: CSRF token, sign-in callbacks, sign-out.
import NextAuth from "next-auth";
import { collectDeviceToken, serializeDeviceCookie } from "@/lib/auth/device-cookie";
import { getAuthOptions } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext) {
  // The user agent labels the session a sign-in opens ("Firefox on Windows" on the account page).
  const options = getAuthOptions({ userAgent: request.headers.get("user-agent") });
  const { result: response, token } = await collectDeviceToken(() => NextAuth(request as never, context as never, options) as Promise<Response>);
  // A password sign-in that succeeded makes this browser known to the account (lib/auth/known-device.ts).
  if (token) response.headers.append("Set-Cookie", serializeDeviceCookie(token, getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false));
  return response;
}

export { handle as GET, handle as POST };
