// GET/POST /api/auth/* - next-auth's own endpoints: CSRF token, sign-in callbacks, sign-out.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext) {
  // The user agent labels the session a sign-in opens ("Firefox on Windows" on the account page).
  const options = getAuthOptions({ userAgent: request.headers.get("user-agent") });
  return NextAuth(request as never, context as never, options);
}

export { handle as GET, handle as POST };
