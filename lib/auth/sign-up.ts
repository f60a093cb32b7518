import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createTeamWithOwner } from "@/lib/teams/mutations";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schema";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/**
 * Creates the account. Without an invitation it also creates the person's team, with them as
 * its owner; with one, the caller accepts the invitation next.
 */
export async function signUp(db: Db, input: SignUpInput, ip: string | null) {
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
