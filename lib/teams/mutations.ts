import type { Db } from "@/lib/config/prisma-client";
import { lockKey, lockRows } from "@/lib/config/row-locks";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { ASSIGNABLE_ROLES, type Role } from "@/lib/auth/roles";
import { revokeSessions } from "@/lib/auth/sessions";
import { unassignMember } from "@/lib/verification/assignment";
import { findFreeSlug, slugify } from "./slug";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Creates a team with `userId` as its owner, inside the caller's transaction. Teams of one name
 * made at the same moment take their turn for the address (slug-2 after slug).
 */
export async function createTeamWithOwner(tx: Tx, input: { name: string; userId: string }) {
  await lockKey(tx, `team-slug:${slugify(input.name)}`);
  const slug = await findFreeSlug(input.name, async (candidate) =>
    Boolean(await tx.team.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  const team = await tx.team.create({
    data: { name: input.name, slug, memberships: { create: { userId: input.userId, role: "owner" } } },
    select: { id: true, slug: true, name: true },
  });
  await tx.user.update({ where: { id: input.userId }, data: { lastTeamId: team.id } });
  await recordAuditEvent(tx, { type: "team.created", userId: input.userId, teamId: team.id, detail: { name: team.name } });
  return team;
}

export async function createTeam(db: Db, input: { name: string; userId: string }) {
  return db.$transaction((tx) => createTeamWithOwner(tx, input));
}

/**
 * Refuses a change that would leave the team without an owner. Call it after `findMembership`,
 * which locks the team, so two owners stepping down at once are counted one after the other.
 */
async function assertOwnerRemains(tx: Tx, teamId: string, membershipId: string) {
  const owners = await tx.membership.count({ where: { teamId, role: "owner", id: { not: membershipId } } });
  if (owners === 0) {
    throw new AppError("CONFLICT", "A team needs at least one owner. Make someone else an owner first.");
  }
}

/** The membership, read once the team's members are locked for this transaction. */
async function findMembership(tx: Tx, teamId: string, membershipId: string) {
  await lockRows(tx, "Team", [teamId]);
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, teamId },
    select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "That member is no longer in this team.");
  return membership;
}

export async function changeMemberRole(
  db: Db,
  input: { teamId: string; membershipId: string; role: Role; actorId: string },
) {
  return db.$transaction(async (tx) => {
    const membership = await findMembership(tx, input.teamId, input.membershipId);
    if (membership.role === input.role) return membership;
    if (membership.role === "owner") await assertOwnerRemains(tx, input.teamId, membership.id);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    // A viewer cannot work on claims: the ones assigned to them go back to the pool, with the reason.
    if (!ASSIGNABLE_ROLES.includes(input.role)) {
      await unassignMember(tx, { teamId: input.teamId, userId: membership.userId, actorId: input.actorId, reason: "Made a viewer, who cannot work on claims" });
    }
    await recordAuditEvent(tx, {
      type: "member.role_changed",
      userId: input.actorId,
      teamId: input.teamId,
      email: membership.user.email,
      detail: { memberId: membership.userId, from: membership.role, to: input.role },
    });
    return { ...membership, role: input.role };
  });
}

/** Removes a member (an owner acting) or lets a member leave (actor is the member). */
export async function removeMember(db: Db, input: { teamId: string; membershipId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const membership = await findMembership(tx, input.teamId, input.membershipId);
    if (membership.role === "owner") await assertOwnerRemains(tx, input.teamId, membership.id);
    const isLeaving = membership.userId === input.actorId;
    await tx.membership.delete({ where: { id: membership.id } });
    await unassignMember(tx, { teamId: input.teamId, userId: membership.userId, actorId: input.actorId, reason: isLeaving ? "Left the team" : "Removed from the team" });
    // Removed from their last team, a person has nothing left to see: their sessions end now.
    const isLastTeam = !isLeaving && (await tx.membership.count({ where: { userId: membership.userId } })) === 0;
    if (isLastTeam) await revokeSessions(tx, { userId: membership.userId });
    await recordAuditEvent(tx, {
      type: isLeaving ? "member.left" : "member.removed",
      userId: input.actorId,
      teamId: input.teamId,
      email: membership.user.email,
      detail: { memberId: membership.userId, role: membership.role },
    });
    return membership;
  });
}

export async function leaveTeam(db: Db, input: { teamId: string; userId: string }) {
  const membership = await db.membership.findUnique({
    where: { userId_teamId: { userId: input.userId, teamId: input.teamId } },
    select: { id: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "You are not a member of this team.");
  return removeMember(db, { teamId: input.teamId, membershipId: membership.id, actorId: input.userId });
}
