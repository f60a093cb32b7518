import type { Db } from "@/lib/config/prisma-client";
import { revokeSessions } from "./sessions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Ends every session of the account, in the caller's transaction (lib/auth/sessions.ts): the one
 * call that password reset and account release make.
 */
export async function revokeAllSessions(db: Db | Tx, userId: string): Promise<void> {
  await revokeSessions(db, { userId });
}
