/**
 * Who has shown that an account's address is theirs, and what that allows. Pure rules; see
 * docs/decisions/0009-email-ownership.md for why a team owner's word is not a mailbox proof.
 */

/**
 * How an address was verified. mail: a link mailed to it was used (verification, password reset,
 * a mailed invitation); sso: the provider said email_verified when SSO created the account;
 * operator: a link printed by an operator command was used, or the operator confirmed it;
 * seed: the demo data. owner: a team owner vouched for it (an invitation naming the address,
 * handed over by the owner, or the Members page): enough to use the account, not to link it.
 */
export const EMAIL_PROOFS = ["mail", "sso", "operator", "seed", "owner"] as const;
export type EmailProof = (typeof EMAIL_PROOFS)[number];

export function isEmailProof(value: unknown): value is EmailProof {
  return typeof value === "string" && (EMAIL_PROOFS as readonly string[]).includes(value);
}

/**
 * A mailbox proof: the person who holds the account's password (or the SSO provider, or the
 * operator) showed they read the mailbox. Any team owner can vouch for any address (everyone can
 * sign up and own a team), so an owner's word is never one.
 */
export function isMailboxProof(via: string | null | undefined): boolean {
  return via === "mail" || via === "sso" || via === "operator" || via === "seed";
}

export type EmailState = { emailVerifiedAt: Date | null; emailVerifiedVia: string | null };

/** The proof to record when `proof` arrives for an account in `state`: never a weaker one than it has. */
export function strongerProof(state: EmailState, proof: EmailProof): EmailProof | null {
  if (state.emailVerifiedAt && isMailboxProof(state.emailVerifiedVia)) return null;
  if (state.emailVerifiedAt && !isMailboxProof(proof)) return null;
  return proof;
}

/**
 * Whether a signed-in password account may be used: with mail set up, only once its address is
 * verified; without mail there is no way to prove it, so it is usable (but never linkable). An
 * account without a password signs in only through SSO, which vouches for it.
 */
export function isAccountUsable(user: EmailState & { hasPassword: boolean }, isMailEnabled: boolean): boolean {
  return !isMailEnabled || !user.hasPassword || user.emailVerifiedAt !== null;
}

export type SsoClaimDecision = "create" | "link" | "release" | "refuse";

/**
 * What an SSO sign-in of a new identity does with the account that has the same address: link it
 * only when both sides proved the mailbox; when only the provider did, the unproven claim loses
 * (the account is released and a fresh one made); when the provider did not, nothing is taken.
 */
export function decideSsoClaim(input: { existing: EmailState | null; isProviderVerified: boolean }): SsoClaimDecision {
  if (!input.existing) return "create";
  if (!input.isProviderVerified) return "refuse";
  const isProven = input.existing.emailVerifiedAt !== null && isMailboxProof(input.existing.emailVerifiedVia);
  return isProven ? "link" : "release";
}

/** "alice@newsroom.org" -> "a…@newsroom.org": enough for the right person to recognise it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${Array.from(email.slice(0, at))[0]}…${email.slice(at)}`;
}

/** An address no mail can reach and nobody can type by chance: what a released account keeps. */
export function releasedEmail(userId: string): string {
  return `released-${userId}@released.invalid`;
}
