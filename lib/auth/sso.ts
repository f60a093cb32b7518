import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/errors";
import { decideSsoClaim } from "./email-proof";
import { releaseAccount } from "./release-account";

export const SSO_PROVIDER_ID = "oidc";

type SsoProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };
const userFields = { id: true, email: true, name: true } as const;

/**
 * Finds or creates the user behind an OIDC identity. An identity seen before maps to its user.
 * A new identity whose address has an account: linked only when the provider verified the
 * address (email_verified: true) and the account proved it by mail too; when the account never
 * proved it, the account is released (lib/auth/release-account.ts) and a fresh one made, so
 * whoever signed up with someone else's address gets nothing of theirs; when the provider did not
 * verify it, refused (checkSsoSignIn says so first). Otherwise a new account without a password
 * (it joins teams through invitations), verified when the provider says so. A first sign-in
 * in two tabs at once: the second to insert the account or identity runs again, and finds them.
 */
export async function linkSsoUser(db: Db, input: { issuer: string; profile: SsoProfile }) {
  try {
    return await findOrCreateSsoUser(db, input);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return findOrCreateSsoUser(db, input);
  }
}

async function findOrCreateSsoUser(db: Db, input: { issuer: string; profile: SsoProfile }) {
  const { issuer, profile } = input;
  const email = profile.email!.trim().toLowerCase();
  const isProviderVerified = profile.email_verified === true;
  return db.$transaction(async (tx) => {
    const identity = await tx.externalIdentity.findUnique({
      where: { provider_subject: { provider: issuer, subject: profile.sub } },
      select: { user: { select: userFields } },
    });
    if (identity) {
      await recordAuditEvent(tx, { type: "auth.signed_in", userId: identity.user.id, email: identity.user.email, detail: { via: "sso" } });
      return identity.user;
    }
    const existing = await tx.user.findUnique({ where: { email }, select: { ...userFields, emailVerifiedAt: true, emailVerifiedVia: true } });
    const decision = decideSsoClaim({ existing, isProviderVerified });
    if (decision === "refuse") {
      throw new Error("Your single sign-on account's email is not verified, so it cannot be linked to an existing account.");
    }
    if (decision === "link") {
      await tx.externalIdentity.create({ data: { provider: issuer, subject: profile.sub, userId: existing!.id } });
      await recordAuditEvent(tx, { type: "auth.signed_in", userId: existing!.id, email, detail: { via: "sso", linked: true } });
      return { id: existing!.id, email: existing!.email, name: existing!.name };
    }
    if (decision === "release") await releaseAccount(tx, { userId: existing!.id, email, reason: "sso_claimed" });
    const user = await tx.user.create({
      data: {
        email,
        name: profile.name ?? profile.preferred_username ?? email,
        ...(isProviderVerified ? { emailVerifiedAt: new Date(), emailVerifiedVia: "sso" } : {}),
      },
      select: userFields,
    });
    await tx.externalIdentity.create({ data: { provider: issuer, subject: profile.sub, userId: user.id } });
    await recordAuditEvent(tx, {
      type: "auth.signed_up",
      userId: user.id,
      email,
      detail: decision === "release" ? { via: "sso", releasedAccountId: existing!.id } : { via: "sso" },
    });
    return user;
  });
}

/**
 * Why an SSO sign-in must be refused, before anything is written: no email, or an email that
 * belongs to an existing account while the provider does not vouch for it. Null when fine.
 */
export async function checkSsoSignIn(
  db: Db,
  input: { issuer: string; profile: { sub?: string; email?: string; email_verified?: boolean } | undefined },
): Promise<"SsoNoEmail" | "SsoEmailNotVerified" | null> {
  const email = input.profile?.email?.trim().toLowerCase();
  if (!email || !input.profile?.sub) return "SsoNoEmail";
  const identity = await db.externalIdentity.findUnique({
    where: { provider_subject: { provider: input.issuer, subject: input.profile.sub } },
    select: { id: true },
  });
  if (identity || input.profile.email_verified === true) return null;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  return existing ? "SsoEmailNotVerified" : null;
}
