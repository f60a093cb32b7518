import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { getAuthSecret, getEnv, isMailEnabled } from "@/lib/env";
import { readSessionUser } from "./session-token";
import type { ActiveSessionUser } from "./sessions";

export type SessionUser = { id: string; email: string; name: string };

/**
 * The signed-in user and their session id, once per request: the session row the cookie names
 * (lib/auth/session-token.ts, the same check as next-auth's session callback in
 * lib/auth/options.ts, without next-auth's session route around it). A revoked, expired or idle
 * session, a cookie from before sessions were kept, or an account that may not be used yet (an
 * unverified address where mail is set up) is signed out.
 */
export const getSessionUser = cache(async (): Promise<ActiveSessionUser | null> => {
  const env = getEnv();
  const options = { appUrl: env.NEXTAUTH_URL, secret: getAuthSecret(env), isMailEnabled: isMailEnabled(env) };
  return readSessionUser(db, (await cookies()).getAll(), options);
});
