import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { assertPasswordSuitsPerson } from "@/lib/auth/password-policy";
import { revokeSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { confirmIdentity } from "./confirm-identity";
import type { ChangePasswordInput } from "./schema";

type Actor = { id: string; email: string; name: string; sessionId: string };

/**
 * Sets a new password after checking the current one (and the code, with two-step verification
 * on). Every other session of the person ends: whoever knew the old password is signed out.
 */
export async function changePassword(db: Db, actor: Actor, input: ChangePasswordInput, ip: string | null) {
  const account = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!account.passwordHash) {
    throw new AppError("CONFLICT", "You sign in with single sign-on, so this account has no password to change.");
  }
  assertPasswordSuitsPerson(input.newPassword, actor, "newPassword");
  await confirmIdentity(db, { email: actor.email, password: input.currentPassword, code: input.code, ip, passwordField: "currentPassword" });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const ended = await revokeSessions(tx, { userId: actor.id, exceptId: actor.sessionId });
    await recordAuditEvent(tx, { type: "auth.password_changed", userId: actor.id, email: actor.email, ip, detail: { sessionsEnded: ended } });
    return { sessionsEnded: ended };
  });
}
