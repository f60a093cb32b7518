import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { recordAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { confirmIdentity } from "./confirm-identity";
import type { DeleteAccountInput } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Actor = { id: string; email: string };

export const DELETED_USER_NAME = "Deleted user";

/** Pure rule: the teams that would be left without an owner, and those the person is alone in. */
export function sortOwnedTeams(userId: string, teams: Array<{ id: string; name: string; members: Array<{ userId: string; role: string }> }>) {
  const others = (team: (typeof teams)[number]) => team.members.filter((member) => member.userId !== userId);
  return {
    orphaned: teams.filter((team) => others(team).length > 0 && !others(team).some((member) => member.role === "owner")),
    alone: teams.filter((team) => others(team).length === 0),
  };
}

async function findTeams(tx: Tx, userId: string) {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true, memberships: { select: { userId: true, role: true } } } } },
  });
  return sortOwnedTeams(
    userId,
    memberships.filter((membership) => membership.role === "owner" || membership.team.memberships.length === 1)
      .map(({ team }) => ({ id: team.id, name: team.name, members: team.memberships })),
  );
}

function refuseOrphans(names: string[]): never {
  const list = names.map((name) => `“${name}”`).join(", ");
  throw new AppError(
    "CONFLICT",
    `You are the only owner of ${list}, which has other members. Make one of them an owner (on the team's Members page) or remove them first; then delete your account.`,
  );
}

/**
 * A team nobody else is in goes with its last member, history and all: the claims' history
 * first (the database keeps a claim's history from going with the claim alone), then the claims,
 * whose citations hold the sources, then the team.
 */
async function deleteTeams(tx: Tx, teamIds: string[]) {
  if (teamIds.length === 0) return;
  await tx.claimEvent.deleteMany({ where: { teamId: { in: teamIds } } });
  await tx.claim.deleteMany({ where: { teamId: { in: teamIds } } });
  await tx.team.deleteMany({ where: { id: { in: teamIds } } });
}

/**
 * Deletes the person's account. Their work stays in their teams' history, so the user row
 * stays too, anonymised ("Deleted user", an address that cannot receive mail, no password);
 * their sign-in identities, memberships, sessions and two-step verification are removed, and
 * teams they were alone in are deleted. Refused while they are a team's only owner and others
 * are in it.
 */
export async function deleteAccount(db: Db, actor: Actor, input: DeleteAccountInput, ip: string | null) {
  const account = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  const { orphaned } = await db.$transaction((tx) => findTeams(tx, actor.id));
  if (orphaned.length > 0) refuseOrphans(orphaned.map((team) => team.name));
  if (account.passwordHash) {
    if (!input.password) throw new AppError("INVALID_INPUT", "Enter your password.", { password: ["Enter your password"] });
    await confirmIdentity(db, { email: account.email, password: input.password, code: input.code, ip });
  } else if (input.confirmEmail !== account.email) {
    const message = "Type your email address exactly as it appears above.";
    throw new AppError("INVALID_INPUT", message, { confirmEmail: [message] });
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    // Checked again inside the change, with the person's teams locked: a co-owner may have left
    // in the meantime, or be deleting their account at this moment.
    const memberships = await tx.membership.findMany({ where: { userId: actor.id }, select: { teamId: true } });
    await lockRows(tx, "Team", memberships.map((membership) => membership.teamId));
    const teams = await findTeams(tx, actor.id);
    if (teams.orphaned.length > 0) refuseOrphans(teams.orphaned.map((team) => team.name));
    await deleteTeams(tx, teams.alone.map((team) => team.id));
    const userId = actor.id;
    await tx.user.update({
      where: { id: userId },
      data: { name: DELETED_USER_NAME, email: `deleted-${userId}@deleted.invalid`, passwordHash: null, lastTeamId: null, deletedAt: now },
    });
    await tx.externalIdentity.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.totpFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { type: "auth.account_deleted", userId, ip, detail: { teamsDeleted: teams.alone.length } });
  });
}
