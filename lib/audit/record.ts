import type { Db } from "@/lib/config/prisma-client";

/** Security and registry events kept in the append-only audit log. */
export const AUDIT_EVENTS = [
  "auth.signed_up",
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "auth.session_ended",
  "auth.signed_out_everywhere",
  "auth.password_changed",
  "auth.mfa_enabled",
  "auth.mfa_disabled",
  "auth.account_deleted",
  "auth.sign_up_email_taken",
  "auth.email_verified",
  "auth.password_reset",
  "auth.account_released",
  "team.created",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "member.role_changed",
  "member.removed",
  "member.left",
  "source.created",
  "source.updated",
  "source.merged",
  "team.verification_settings_changed",
] as const;
export type AuditEventType = (typeof AUDIT_EVENTS)[number];

export type AuditEventInput = {
  type: AuditEventType;
  userId?: string | null;
  teamId?: string | null;
  email?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/** A client or an open transaction: events are written in the same transaction as the change. */
type AuditWriter = Pick<Db, "auditEvent">;

export async function recordAuditEvent(client: AuditWriter, event: AuditEventInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      type: event.type,
      userId: event.userId ?? null,
      teamId: event.teamId ?? null,
      email: event.email ?? null,
      ip: event.ip ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    },
  });
}
