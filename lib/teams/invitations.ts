import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { recordEmailProof } from "@/lib/auth/email-verification";
import type { Role } from "@/lib/auth/roles";
import {
  createInvitationToken,
  findAddressMismatch,
  getInvitationStatus,
  hashInvitationToken,
  invitationStatusMessages,
} from "./invitation-token";

export const INVITATION_DAYS = { default: 7, max: 30 } as const;

/** An invitation names the one address that may use it (lib/teams/invitation-token.ts). */
export async function createInvitation(
  db: Db,
  input: { teamId: string; role: Role; email: string; days?: number; actorId: string },
) {
  const { token, tokenHash } = createInvitationToken();
  const days = Math.min(input.days ?? INVITATION_DAYS.default, INVITATION_DAYS.max);
  const expiresAt = new Date(Date.now() + days * 24 * 60 * 60_000);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { teamId: input.teamId, role: input.role, email: input.email, tokenHash, expiresAt, createdById: input.actorId },
      select: { id: true, role: true, email: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      type: "invitation.created",
      userId: input.actorId,
      teamId: input.teamId,
      email: input.email,
      detail: { invitationId: created.id, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { ...invitation, token };
}

/** What the invitation page shows: the team and role, or why the link no longer works. */
export async function findInvitation(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { id: true, name: true, slug: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  return { ...invitation, status: getInvitationStatus(invitation) };
}

/**
 * Joins the user to the invitation's team, if the user has the address the invitation names;
 * anyone else is refused and the link stays usable. Accepting verifies the address: the owner
 * named it (`isMailed`: and the link came through the mail to it). Single use even under races:
 * the claim is one conditional update, and only the request that changed the row goes on; the
 * membership check waits for the team's lock, so two links for one person make one membership.
 */
export async function acceptInvitation(db: Db, input: { token: string; userId: string; isMailed?: boolean }) {
  const tokenHash = hashInvitationToken(input.token);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: {
        id: true, teamId: true, role: true, email: true, acceptedAt: true, revokedAt: true, expiresAt: true, team: { select: { slug: true, name: true } },
      },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid. Check that you copied all of it.");
    const status = getInvitationStatus(invitation);
    if (status !== "valid") throw new AppError("GONE", invitationStatusMessages[status]);
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } });
    const mismatch = findAddressMismatch(invitation.email, user.email);
    if (mismatch) throw new AppError(invitation.email ? "FORBIDDEN" : "GONE", mismatch);
    await lockRows(tx, "Team", [invitation.teamId]);
    const existing = await tx.membership.findUnique({
      where: { userId_teamId: { userId: input.userId, teamId: invitation.teamId } },
      select: { id: true },
    });
    if (existing) {
      throw new AppError("CONFLICT", `You are already a member of ${invitation.team.name}.`);
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: input.userId },
    });
    if (claimed.count !== 1) throw new AppError("GONE", invitationStatusMessages.accepted);
    await tx.membership.create({ data: { userId: input.userId, teamId: invitation.teamId, role: invitation.role } });
    await recordEmailProof(tx, { userId: input.userId, proof: input.isMailed ? "mail" : "owner", teamId: invitation.teamId, detail: { invitationId: invitation.id } });
    await tx.user.update({ where: { id: input.userId }, data: { lastTeamId: invitation.teamId } });
    await recordAuditEvent(tx, {
      type: "invitation.accepted",
      userId: input.userId,
      teamId: invitation.teamId,
      detail: { invitationId: invitation.id, role: invitation.role },
    });
    return invitation.team;
  });
}

export async function revokeInvitation(db: Db, input: { teamId: string; invitationId: string; actorId: string }) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: input.invitationId, teamId: input.teamId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw new AppError("NOT_FOUND", "That invitation was already used or withdrawn.");
    await recordAuditEvent(tx, {
      type: "invitation.revoked",
      userId: input.actorId,
      teamId: input.teamId,
      detail: { invitationId: input.invitationId },
    });
  });
}
