import type { Db } from "@/lib/config/prisma-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Ends every session of the account, in the caller's transaction: each session token carries the
 * account's session version from its sign-in (lib/auth/options.ts), and lib/auth/session.ts turns
 * away a token whose version is no longer the account's. The one call that password reset and
 * account release make; point it at a sessions table when there is one.
 */
export async function revokeAllSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Pure rule: does a token issued under `tokenVersion` still stand for the account? Old tokens carry none: 0. */
export function isSessionCurrent(tokenVersion: unknown, accountVersion: number): boolean {
  return (typeof tokenVersion === "number" ? tokenVersion : 0) === accountVersion;
}
