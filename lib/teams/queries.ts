import type { Db } from "@/lib/config/prisma-client";
import { compareNames } from "@/lib/search/text-match";

/** The teams a user belongs to, for the switcher. */
export async function listTeamsForUser(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  });
  return memberships.sort((a, b) => compareNames(a.team.name, b.team.name));
}

export function listMembers(db: Db, teamId: string) {
  return db.membership.findMany({
    where: { teamId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, emailVerifiedAt: true, emailVerifiedVia: true } },
    },
    orderBy: [{ createdAt: "asc" }],
  });
}

export function listOpenInvitations(db: Db, teamId: string, now = new Date()) {
  return db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** Where a signed-in user lands: the team they used last, else the first team they joined. */
export async function findHomeTeamSlug(db: Db, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { lastTeamId: true } });
  const membership = await db.membership.findFirst({
    where: { userId, ...(user?.lastTeamId ? { teamId: user.lastTeamId } : {}) },
    select: { team: { select: { slug: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (membership) return membership.team.slug;
  const any = await db.membership.findFirst({
    where: { userId },
    select: { team: { select: { slug: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return any?.team.slug ?? null;
}
