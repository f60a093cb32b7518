import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { consumeAccountToken, getAccountTokenStatus, hashAccountToken, issueAccountToken } from "./account-tokens";
import { strongerProof, type EmailProof } from "./email-proof";
import { verifyPassword } from "./password";
import { reserveSignInAttempt } from "./sign-in-limit";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Records that the account's address is verified by `proof`, in the caller's transaction, unless
 * it already has as strong a proof (a mailbox proof is never replaced by an owner's word).
 * Audited with who did it (`actorId`: the owner who vouched; else the account). True when it changed.
 * The account is locked first, so a proof arriving at the same moment is weighed against this one.
 */
export async function recordEmailProof(
  tx: Tx,
  input: { userId: string; proof: EmailProof; actorId?: string; teamId?: string; detail?: Record<string, unknown>; now?: Date },
): Promise<boolean> {
  await lockRows(tx, "User", [input.userId]);
  const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true, emailVerifiedAt: true, emailVerifiedVia: true } });
  const proof = strongerProof(user, input.proof);
  if (!proof) return false;
  await tx.user.update({ where: { id: input.userId }, data: { emailVerifiedAt: input.now ?? new Date(), emailVerifiedVia: proof } });
  await recordAuditEvent(tx, {
    type: "auth.email_verified",
    userId: input.actorId ?? input.userId,
    teamId: input.teamId,
    email: user.email,
    detail: { accountId: input.userId, via: proof, ...input.detail },
  });
  return true;
}

/**
 * A verification link was used, with the account's password: the person who chose the password
 * reads the mailbox. The password is asked because whoever receives the mail may not be who signed
 * up (someone else may have used their address); without it they cannot confirm that account.
 * Wrong passwords count against the sign-in limit; the link stays usable.
 */
export async function confirmEmailWithToken(db: Db, input: { token: string; password: string }, ip: string | null): Promise<{ email: string }> {
  const link = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(input.token) },
    select: { purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, passwordHash: true } } },
  });
  if (link?.purpose === "verify_email" && getAccountTokenStatus(link, link.user.email) === "valid") {
    // The password is a sign-in in all but name: counted by the same limiter before it is checked.
    const attempt = await reserveSignInAttempt(db, { email: link.user.email, ip, deviceId: null });
    if (!attempt.isAllowed) throw new AppError("RATE_LIMITED", attempt.message);
    if (!link.user.passwordHash || !(await verifyPassword(link.user.passwordHash, input.password))) {
      await recordAuditEvent(db, { type: "auth.sign_in_failed", userId: link.user.id, email: link.user.email, ip, detail: { via: "verify_email" } });
      throw new AppError("INVALID_INPUT", WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
    }
    await attempt.succeed();
  }
  return db.$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, input.token, "verify_email");
    await recordEmailProof(tx, { userId: used.userId, proof: used.via });
    return { email: used.email };
  });
}

const WRONG_PASSWORD = "That is not the password of this account. Use the one you chose when you signed up.";

/**
 * A new verification link for the password account at `email` that waits for one (never
 * verified), or null: no such account, already verified, no password (it signs in by SSO, which
 * vouches for it), or a link was mailed too recently. The caller mails it and answers the same in
 * every case, so the answer tells nobody which addresses have accounts.
 */
export async function issueVerificationLink(db: Db, email: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, emailVerifiedAt: true, passwordHash: true },
  });
  if (!user || user.emailVerifiedAt || !user.passwordHash) return null;
  const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "verify_email", via: "mail" });
  return issued ? { token: issued.token, expiresAt: issued.expiresAt, email: user.email, name: user.name } : null;
}

/** The operator vouches for an address (`npm run user:verify-email`): a mailbox proof, as the operator is trusted. */
export async function confirmEmailByOperator(db: Db, email: string): Promise<{ email: string; isChanged: boolean } | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!user) return null;
    const isChanged = await recordEmailProof(tx, { userId: user.id, proof: "operator" });
    return { email: user.email, isChanged };
  });
}

/**
 * Password accounts whose address no mailbox proof backs (never verified, or only an owner's
 * word): the accounts a first SSO sign-in with their address would release.
 */
export function listUnprovenPasswordAccounts(db: Db) {
  return db.user.findMany({
    where: {
      passwordHash: { not: null },
      OR: [{ emailVerifiedAt: null }, { emailVerifiedVia: "owner" }],
      NOT: { email: { endsWith: "@released.invalid" } },
    },
    select: { email: true, name: true, createdAt: true, emailVerifiedVia: true },
    orderBy: { email: "asc" },
  });
}
