import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";

export const SSO_PROVIDER_ID = "oidc";

/**
 * Finds or creates the user behind an OIDC identity. An identity seen before maps to its
 * user; otherwise an account with the same email is linked if the provider says it verified
 * it (email_verified: true); otherwise a
 * new account without a password is made (it joins teams through invitations).
 */
export async function linkSsoUser(
  db: Db,
  input: { issuer: string; profile: { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string } },
) {
  const { issuer, profile } = input;
  const email = profile.email!.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const identity = await tx.externalIdentity.findUnique({
      where: { provider_subject: { provider: issuer, subject: profile.sub } },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    if (identity) {
      await recordAuditEvent(tx, { type: "auth.signed_in", userId: identity.user.id, email: identity.user.email, detail: { via: "sso" } });
      return identity.user;
    }
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    // Only an email the provider vouches for may take over an existing account.
    if (existing && profile.email_verified !== true) {
      throw new Error("Your single sign-on account's email is not verified, so it cannot be linked to an existing account.");
    }
    const user =
      existing ??
      (await tx.user.create({
        data: { email, name: profile.name ?? profile.preferred_username ?? email },
        select: { id: true, email: true, name: true },
      }));
    await tx.externalIdentity.create({ data: { provider: issuer, subject: profile.sub, userId: user.id } });
    await recordAuditEvent(tx, { type: existing ? "auth.signed_in" : "auth.signed_up", userId: user.id, email, detail: { via: "sso" } });
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
