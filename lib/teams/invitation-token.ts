import { createHash, randomBytes } from "node:crypto";
import { maskEmail } from "@/lib/auth/email-proof";

/** 256 random bits, URL-safe; only its hash is stored. */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type InvitationState = {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
};
export type InvitationStatus = "valid" | "accepted" | "revoked" | "expired";

export function getInvitationStatus(invitation: InvitationState, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

export const invitationStatusMessages: Record<Exclude<InvitationStatus, "valid">, string> = {
  accepted: "This invitation link has already been used. Ask the team's owner for a new one.",
  revoked: "This invitation was withdrawn by the team. Ask the team's owner for a new one.",
  expired: "This invitation link has expired. Ask the team's owner for a new one.",
};

/**
 * Why the signed-in account may not accept an invitation bound to `invitationEmail`, or null when
 * it may: only the address the owner named can use the link; anyone else leaves it unused.
 */
export function findAddressMismatch(invitationEmail: string | null, accountEmail: string): string | null {
  if (!invitationEmail) return "This invitation link names no email address, which links now must. Ask the team's owner for a new one.";
  if (invitationEmail === accountEmail) return null;
  return `This invitation is for ${maskEmail(invitationEmail)}: sign in with that address, or ask the team's owner for a new one.`;
}

/**
 * The invitation an invitation page's path names ("/invite/<token>", "?m=" when the link came
 * by mail), or null for any other path. A sign-up reached from that page by way of sign-in
 * ("New here? Create an account") carries it only as its callback, and is for that invitation
 * all the same: the invited address filled in, the team joined.
 */
export function readInvitationPath(path: string): { token: string; mailed?: string } | null {
  const url = new URL(path, "http://path.invalid");
  const match = /^\/invite\/([A-Za-z0-9_-]{1,100})$/.exec(url.pathname);
  if (!match) return null;
  const mailed = url.searchParams.get("m");
  return mailed && mailed.length <= 100 ? { token: match[1], mailed } : { token: match[1] };
}
