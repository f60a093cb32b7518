import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";
import type { NotificationKind } from "./kinds";

type Recipient = { teamId: string; userId: string };

/**
 * Marks the person's notifications read (`ids`), or all of theirs in the team (`ids` absent).
 * Someone else's id is not found: the update names the recipient. Marking one already read again
 * changes nothing and is no error (another tab did it). Answers the unread count after it.
 */
export async function markNotificationsRead(db: Db, recipient: Recipient, ids?: readonly string[], now = new Date()) {
  const where = { teamId: recipient.teamId, userId: recipient.userId, ...(ids ? { id: { in: [...ids] } } : {}) };
  if (ids) {
    const found = await db.notification.count({ where });
    if (found !== new Set(ids).size) throw new AppError("NOT_FOUND", "That notification is not in your inbox.");
  }
  const { count } = await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: now } });
  const unread = await db.notification.count({ where: { teamId: recipient.teamId, userId: recipient.userId, readAt: null } });
  return { marked: count, unread };
}

/**
 * The kinds the person wants mailed, replaced as a whole (a checkbox list). Notifications already
 * waiting keep what was chosen when they were made. The person's row is locked, so two saves at
 * once end as the later one chose (decision 0013).
 */
export async function setEmailPreferences(db: Db, userId: string, kinds: readonly NotificationKind[]) {
  const chosen = [...new Set(kinds)];
  await db.$transaction(async (tx) => {
    await lockRows(tx, "User", [userId]);
    await tx.emailPreference.deleteMany({ where: { userId, kind: { notIn: chosen } } });
    const existing = await tx.emailPreference.findMany({ where: { userId }, select: { kind: true } });
    const missing = chosen.filter((kind) => !existing.some((row) => row.kind === kind));
    if (missing.length > 0) await tx.emailPreference.createMany({ data: missing.map((kind) => ({ userId, kind })) });
  });
  return { kinds: chosen };
}
