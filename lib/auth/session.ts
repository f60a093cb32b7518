import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { isMailEnabled } from "@/lib/env";
import { isAccountUsable } from "./email-proof";
import { getAuthOptions } from "./options";
import { isSessionCurrent } from "./revoke-sessions";

export type SessionUser = { id: string; email: string; name: string };

/**
 * The signed-in user, loaded from the database once per request. A token whose user was
 * deleted, whose sessions were all ended since (revokeAllSessions), or whose account may not be
 * used yet (an unverified address where mail is set up) counts as signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user as { id?: string; sv?: unknown } | undefined;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, sessionVersion: true, emailVerifiedAt: true, emailVerifiedVia: true, passwordHash: true },
  });
  if (!user || !isSessionCurrent(claims.sv, user.sessionVersion)) return null;
  if (!isAccountUsable({ ...user, hasPassword: user.passwordHash !== null }, isMailEnabled())) return null;
  return { id: user.id, email: user.email, name: user.name };
});
