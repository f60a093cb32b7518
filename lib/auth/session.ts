import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "./options";
import type { ActiveSessionUser } from "./sessions";

export type SessionUser = { id: string; email: string; name: string };

/**
 * The signed-in user and their session id, once per request. The session callback
 * (lib/auth/options.ts) loads them in one query from the session row the cookie names; a
 * revoked, expired or idle session, a cookie from before sessions were kept, or an account that
 * may not be used yet (an unverified address where mail is set up) is signed out.
 */
export const getSessionUser = cache(async (): Promise<ActiveSessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as Partial<ActiveSessionUser> | undefined;
  if (!user?.id || !user.sessionId || !user.email || typeof user.name !== "string") return null;
  return { id: user.id, email: user.email, name: user.name, sessionId: user.sessionId };
});
