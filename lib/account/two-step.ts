import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/mfa";
import { findTotpStep, generateTotpSecret, isTotpCodeShaped } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";
import { confirmIdentity } from "./confirm-identity";
import type { ConfirmIdentityInput } from "./schema";

type Actor = { id: string; email: string };

/** Step 1: a new secret for the authenticator app, pending until a code from it confirms it. */
export async function startTwoStepSetup(db: Db, actor: Actor) {
  const existing = await db.totpFactor.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new AppError("CONFLICT", "Two-step verification is already on.");
  const account = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!account.passwordHash) {
    throw new AppError("CONFLICT", "You sign in with single sign-on, which asks for its own second step; there is no password sign-in to protect.");
  }
  const secret = generateTotpSecret();
  await db.totpFactor.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, secret },
    update: { secret, lastUsedStep: 0, createdAt: new Date() },
  });
}

/**
 * Step 2: the app's first code turns two-step verification on (so a mistyped secret cannot lock
 * the person out) and gives them ten recovery codes, shown once; only their hashes are kept.
 */
export async function confirmTwoStepSetup(db: Db, actor: Actor, code: string, now = new Date()): Promise<string[]> {
  const pending = await db.totpFactor.findFirst({ where: { userId: actor.id, confirmedAt: null }, select: { secret: true } });
  if (!pending) throw new AppError("CONFLICT", "Start the set-up again: there is no authenticator waiting for a code.");
  const step = isTotpCodeShaped(code) ? findTotpStep(pending.secret, code, now) : null;
  if (step === null) {
    const message = "That code does not match. Check the app shows FactDesk and enter its current 6-digit code.";
    throw new AppError("INVALID_INPUT", message, { code: [message] });
  }
  const codes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    const { count } = await tx.totpFactor.updateMany({ where: { userId: actor.id, confirmedAt: null }, data: { confirmedAt: now, lastUsedStep: step } });
    if (count !== 1) throw new AppError("CONFLICT", "Two-step verification is already on.");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((recovery) => ({ userId: actor.id, codeHash: hashRecoveryCode(recovery) })) });
    await recordAuditEvent(tx, { type: "auth.mfa_enabled", userId: actor.id, email: actor.email });
  });
  return codes;
}

/** Abandons a set-up that was never confirmed. */
export async function cancelTwoStepSetup(db: Db, actor: Actor) {
  await db.totpFactor.deleteMany({ where: { userId: actor.id, confirmedAt: null } });
}

/** Turns two-step verification off: the password and a current code (or a recovery code) first. */
export async function turnOffTwoStep(db: Db, actor: Actor, input: ConfirmIdentityInput, ip: string | null) {
  const factor = await db.totpFactor.findFirst({ where: { userId: actor.id, confirmedAt: { not: null } }, select: { userId: true } });
  if (!factor) throw new AppError("CONFLICT", "Two-step verification is already off.");
  if (!input.code) {
    const message = "Enter a code from your authenticator app, or a recovery code.";
    throw new AppError("INVALID_INPUT", message, { code: [message] });
  }
  await confirmIdentity(db, { email: actor.email, password: input.password, code: input.code, ip });
  await db.$transaction(async (tx) => {
    await tx.totpFactor.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAuditEvent(tx, { type: "auth.mfa_disabled", userId: actor.id, email: actor.email, ip });
  });
}
