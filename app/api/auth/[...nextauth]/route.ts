// GET/POST /api/auth/* - next-auth's own endpoints: CSRF token, sign-in callbacks, sign-out.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handle as GET, handle as POST };
