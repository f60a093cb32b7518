import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/mfa";
import { findTotpStep, generateTotpSecret, isTotpCodeShaped } from "@/lib/auth/totp";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { confirmIdentity } from "./confirm-identity";
import type { ConfirmIdentityInput } from "./schema";

type Actor = { id: string; email: string };

const ALREADY_ON = "Two-step verification is already on.";

/**
 * Step 1: a new secret for the authenticator app, pending until a code from it confirms it. Only
 * a set-up not yet confirmed is replaced: one confirmed at the same moment stays on, with the
 * secret the person's app holds.
 */
export async function startTwoStepSetup(db: Db, actor: Actor) {
  const existing = await db.totpFactor.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new AppError("CONFLICT", ALREADY_ON);
  const account = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!account.passwordHash) {
    throw new AppError("CONFLICT", "You sign in with single sign-on, which asks for its own second step; there is no password sign-in to protect.");
  }
  const data = { secret: generateTotpSecret(), lastUsedStep: 0, createdAt: new Date() };
  // Replace a pending set-up, or add one; when another request added one meanwhile, replace that.
  for (let attempt = 0; attempt < 2; attempt++) {
    const { count } = await db.totpFactor.updateMany({ where: { userId: actor.id, confirmedAt: null }, data });
    if (count === 1) return;
    try {
      await db.totpFactor.create({ data: { userId: actor.id, ...data } });
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("CONFLICT", ALREADY_ON);
}

/**
 * Step 2: the app's first code turns two-step verification on (so a mistyped secret cannot lock
 * the person out) and gives them ten recovery codes, shown once; only their hashes are kept.
 * It confirms the secret the code was checked against, and no other: a set-up started again at
 * the same moment (a new secret) is not turned on by the old code.
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
    const { count } = await tx.totpFactor.updateMany({
      where: { userId: actor.id, confirmedAt: null, secret: pending.secret },
      data: { confirmedAt: now, lastUsedStep: step },
    });
    if (count !== 1) throw await refuseChangedSetup(tx, actor.id);
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((recovery) => ({ userId: actor.id, codeHash: hashRecoveryCode(recovery) })) });
    await recordAuditEvent(tx, { type: "auth.mfa_enabled", userId: actor.id, email: actor.email });
  });
  return codes;
}

async function refuseChangedSetup(tx: Pick<Db, "totpFactor">, userId: string): Promise<AppError> {
  const factor = await tx.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (factor?.confirmedAt) return new AppError("CONFLICT", ALREADY_ON);
  return new AppError("CONFLICT", "The set-up was started again meanwhile, with a new code to scan. Scan it and enter the code your app shows for it.");
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
