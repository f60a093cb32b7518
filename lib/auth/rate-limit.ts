import type { Db } from "@/lib/config/prisma-client";

/** Failed sign-ins allowed in one window, per account and per client address. */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 } as const;

export type SignInLimitDecision = { isAllowed: true } | { isAllowed: false; retryAfterMinutes: number };

/**
 * Pure rule: refuse when either counter reached its limit; the wait lasts until the oldest
 * counted failure leaves the window.
 */
export function decideSignInLimit(input: {
  now: Date;
  accountFailures: Date[];
  addressFailures: Date[];
  limits?: typeof SIGN_IN_LIMITS;
}): SignInLimitDecision {
  const limits = input.limits ?? SIGN_IN_LIMITS;
  const blockedUntil = [
    blockEnd(input.accountFailures, limits.perAccount, limits.windowMs),
    blockEnd(input.addressFailures, limits.perAddress, limits.windowMs),
  ].filter((end): end is number => end !== null && end > input.now.getTime());
  if (blockedUntil.length === 0) return { isAllowed: true };
  const waitMs = Math.max(...blockedUntil) - input.now.getTime();
  return { isAllowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
}

function blockEnd(failures: Date[], limit: number, windowMs: number): number | null {
  if (failures.length < limit) return null;
  const newestFirst = failures.map((date) => date.getTime()).sort((a, b) => b - a);
  // The block lifts when the limit-th most recent failure ages out of the window.
  return newestFirst[limit - 1] + windowMs;
}

/**
 * Reads the recent failures from the audit log. Failures before the account's last
 * successful sign-in do not count against it.
 */
export async function checkSignInLimit(
  db: Pick<Db, "auditEvent">,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<SignInLimitDecision> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const lastSuccess = await db.auditEvent.findFirst({
    where: { type: "auth.signed_in", email, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [accountRows, addressRows] = await Promise.all([
    db.auditEvent.findMany({
      where: { type: "auth.sign_in_failed", email, createdAt: { gt: accountSince } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_LIMITS.perAccount,
    }),
    ip
      ? db.auditEvent.findMany({
          where: { type: "auth.sign_in_failed", ip, createdAt: { gt: since } },
          select: { createdAt: true },
          orderBy: { createdAt: "desc" },
          take: SIGN_IN_LIMITS.perAddress,
        })
      : Promise.resolve([]),
  ]);
  return decideSignInLimit({
    now,
    accountFailures: accountRows.map((row) => row.createdAt),
    addressFailures: addressRows.map((row) => row.createdAt),
  });
}
