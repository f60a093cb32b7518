import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { consumeAccountToken, expireAccountTokens, issueAccountToken, type AccountTokenVia } from "./account-tokens";
import { recordEmailProof } from "./email-verification";
import { hashPassword } from "./password";
import { assertPasswordSuitsPerson } from "./password-policy";
import { revokeAllSessions } from "./revoke-sessions";

/**
 * A password-reset link for the account at `email`, or null (no such account, or one was mailed
 * too recently). Mailed, the caller answers the same either way; an operator's is printed.
 */
export async function issuePasswordResetLink(db: Db, email: string, via: AccountTokenVia) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return null;
  const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "reset_password", via });
  return issued ? { ...issued, email: user.email, name: user.name } : null;
}

/**
 * Sets a new password through a reset link. The link reached the address, so the address is now
 * verified; every session of the account ends and every other reset link with it.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, ip: string | null): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, input.token, "reset_password");
    // The person is known only now: a password made of their name or address is refused, and
    // the refusal rolls the link's use back, so it still works for a better password.
    const person = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true, name: true } });
    assertPasswordSuitsPerson(input.password, person);
    await tx.user.update({ where: { id: used.userId }, data: { passwordHash } });
    await recordEmailProof(tx, { userId: used.userId, proof: used.via });
    await expireAccountTokens(tx, used.userId, "reset_password");
    await revokeAllSessions(tx, used.userId);
    await recordAuditEvent(tx, { type: "auth.password_reset", userId: used.userId, email: used.email, ip, detail: { via: used.via } });
    return { email: used.email };
  });
}
