import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, isRole, type Permission, type Role } from "./roles";
import { getSessionUser, type SessionUser } from "./session";
import type { ActiveSessionUser } from "./sessions";

export type TeamContext = {
  user: SessionUser;
  team: { id: string; slug: string; name: string };
  role: Role;
};

export async function requireUser(): Promise<SessionUser> {
  return requireSession();
}

/** The signed-in user with the id of the session making the request (to keep it, or end it). */
export async function requireSession(): Promise<ActiveSessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}

const loadMembership = cache(async (userId: string, teamSlug: string) =>
  db.membership.findFirst({
    where: { userId, team: { slug: teamSlug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  }),
);

/**
 * The one guard: who is asking, in which team, with which role, allowed to do what.
 * A team the user does not belong to does not exist for them (NOT_FOUND, not FORBIDDEN).
 */
export async function requireTeam(teamSlug: string, permission: Permission): Promise<TeamContext> {
  const user = await requireUser();
  const membership = typeof teamSlug === "string" ? await loadMembership(user.id, teamSlug) : null;
  if (!membership || !isRole(membership.role)) {
    throw new AppError("NOT_FOUND", "This team does not exist, or you are not a member of it.");
  }
  if (!can(membership.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${membership.role}) does not allow this. Ask a team owner.`);
  }
  return { user, team: membership.team, role: membership.role };
}
