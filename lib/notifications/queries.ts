import type { Db } from "@/lib/config/prisma-client";

/** How many inbox entries a page shows; older ones stay until read or pruned. */
export const INBOX_PAGE = 50;

/**
 * A person's notifications in one team, newest first, each with what the inbox shows and where it
 * leads (the claim, and the comment that mentioned them). Only the recipient's own (the query
 * names them), and only while they are a member of the team (the caller checked; a removed
 * member cannot open the team).
 */
export async function listNotifications(db: Db, input: { teamId: string; userId: string; take?: number }) {
  const rows = await db.notification.findMany({
    where: { teamId: input.teamId, userId: input.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take ?? INBOX_PAGE,
    select: {
      id: true, kind: true, note: true, createdAt: true, readAt: true, commentId: true,
      actor: { select: { name: true } },
      claim: { select: { id: true, statement: true, deletedAt: true, article: { select: { id: true, title: true } } } },
    },
  });
  return rows;
}

export type InboxEntry = Awaited<ReturnType<typeof listNotifications>>[number];

/** The person's unread notifications in the team (the header's count). */
export function countUnread(db: Db, input: { teamId: string; userId: string }): Promise<number> {
  return db.notification.count({ where: { teamId: input.teamId, userId: input.userId, readAt: null } });
}

/** The kinds the person has chosen to have mailed. */
export async function readEmailPreferences(db: Db, userId: string) {
  const rows = await db.emailPreference.findMany({ where: { userId }, select: { kind: true } });
  return rows.map((row) => row.kind);
}
