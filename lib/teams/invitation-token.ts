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
