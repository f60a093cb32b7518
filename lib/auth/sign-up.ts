import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError, isAppError, isUniqueViolation } from "@/lib/errors";
import { createTeamWithOwner } from "@/lib/teams/mutations";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schema";

export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";
/** How often the owner of a registered address is told that someone tried to sign up with it. */
export const TAKEN_NOTICE_GAP_MS = 15 * 60_000;

/**
 * Creates the account, with its address not yet verified. Without an invitation it also creates
 * the person's team, with them as its owner; with one, the caller accepts the invitation next
 * (which verifies the address the owner named).
 */
export async function signUp(db: Db, input: SignUpInput, ip: string | null) {
  // Hashed before anything is looked up, so a taken address costs as long as a new one.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      }
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      await recordAuditEvent(tx, { type: "auth.signed_up", userId: user.id, email: user.email, ip });
      const team = input.invitation
        ? null
        : await createTeamWithOwner(tx, { name: input.teamName || `${input.name}'s newsroom`, userId: user.id });
      return { user, team };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}

/** The refusal signUp throws for an address that already has an account. */
export function isEmailTakenError(error: unknown): boolean {
  return isAppError(error) && error.code === "CONFLICT" && error.message === EMAIL_TAKEN;
}

/**
 * Someone tried to sign up with a registered address, where the answer does not say so: audited,
 * and the address's owner is told, at most once per TAKEN_NOTICE_GAP_MS (the caller mails them
 * when `shouldNotify`), so the form cannot be used to flood a mailbox. The account is locked
 * while the recent attempts are counted, so two at once count each other.
 */
export async function noteSignUpWithTakenEmail(db: Db, email: string, ip: string | null, now = new Date()) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true } });
    if (user) await lockRows(tx, "User", [user.id]);
    const recent = await tx.auditEvent.count({
      where: { type: "auth.sign_up_email_taken", email, createdAt: { gt: new Date(now.getTime() - TAKEN_NOTICE_GAP_MS) } },
    });
    await recordAuditEvent(tx, { type: "auth.sign_up_email_taken", email, ip, userId: user?.id });
    return { shouldNotify: Boolean(user) && recent === 0, name: user?.name ?? null };
  });
}
