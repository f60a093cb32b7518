import type { Db } from "@/lib/config/prisma-client";

/** Remembers the team last opened, so the front door opens it next time. Writes only on change. */
export async function rememberTeam(db: Db, userId: string, teamId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, OR: [{ lastTeamId: null }, { lastTeamId: { not: teamId } }] }, data: { lastTeamId: teamId } });
}
