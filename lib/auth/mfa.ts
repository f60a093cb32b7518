import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import { encodeBase32, findTotpStep, isTotpCodeShaped } from "./totp";

export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorResult = "not_enrolled" | "required" | "accepted" | "refused";

type MfaClient = Pick<Db, "totpFactor" | "recoveryCode">;

/** Ten characters of base32 (50 random bits), shown as XXXXX-XXXXX. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const code = encodeBase32(randomBytes(7)).slice(0, 10);
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** What is stored of a recovery code: its SHA-256, of the code as typed in any case, with or without dashes. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.toUpperCase().replace(/[\s-]/g, "")).digest("hex");
}

/**
 * The second step of a password sign-in (and of confirming a sensitive change): "not_enrolled"
 * when the person has no authenticator, "required" when they have one and no code came, else
 * whether the code is accepted. A TOTP code is accepted only for a time step after the last one
 * used, and a recovery code only once: each as one conditional update, so two requests racing
 * with the same code cannot both win.
 */
export async function checkSecondFactor(db: MfaClient, userId: string, code: string | undefined, now = new Date()): Promise<SecondFactorResult> {
  const factor = await db.totpFactor.findFirst({
    where: { userId, confirmedAt: { not: null } },
    select: { secret: true },
  });
  if (!factor) return "not_enrolled";
  if (!code) return "required";
  if (isTotpCodeShaped(code)) {
    const step = findTotpStep(factor.secret, code, now);
    if (step === null) return "refused";
    const { count } = await db.totpFactor.updateMany({ where: { userId, lastUsedStep: { lt: step } }, data: { lastUsedStep: step } });
    return count === 1 ? "accepted" : "refused";
  }
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1 ? "accepted" : "refused";
}

export async function hasSecondFactor(db: Pick<Db, "totpFactor">, userId: string): Promise<boolean> {
  return (await db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } })) > 0;
}
