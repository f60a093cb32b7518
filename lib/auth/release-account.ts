import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { expireAccountTokens } from "./account-tokens";
import { releasedEmail } from "./email-proof";
import { revokeAllSessions } from "./revoke-sessions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Lets go of an account's claim on its address, when someone proves the address is theirs and the
 * account never did: its password is removed, its address becomes an unreachable one, its links
 * and sessions end. Its teams and work stay with it (they are not the newcomer's), and the audit
 * log keeps the address it had.
 */
export async function releaseAccount(tx: Tx, input: { userId: string; email: string; reason: "sso_claimed" }): Promise<void> {
  await tx.user.update({
    where: { id: input.userId },
    data: { email: releasedEmail(input.userId), passwordHash: null, emailVerifiedAt: null, emailVerifiedVia: null },
  });
  await expireAccountTokens(tx, input.userId);
  await revokeAllSessions(tx, input.userId);
  await recordAuditEvent(tx, { type: "auth.account_released", userId: input.userId, email: input.email, detail: { reason: input.reason } });
}
