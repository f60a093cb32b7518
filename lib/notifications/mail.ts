import { randomUUID } from "node:crypto";
import type { MailMessage } from "@/lib/auth/account-mail-text";
import type { Db } from "@/lib/config/prisma-client";
import { releaseSlot, renewSlot, tryTakeSlot, type Slot } from "@/lib/limits/slots";
import { countOf } from "@/lib/text/plural";
import { truncate } from "@/lib/text/truncate";
import { notificationPhrases, type NotificationKind } from "./kinds";

/** At most one notification mail a minute per person. */
export const MAIL_INTERVAL_MS = 60_000;
/** A person's first pending notification waits this long, so that a burst of changes goes in one mail. */
export const MAIL_GATHER_MS = 5_000;
/** How long a process may take to send one person's mail before another may try (a stalled SMTP server). */
const SENDING_LEASE_MS = 5 * 60_000;
/** Pending notifications older than this are not mailed any more (mail was off, or failing, for a day). */
const MAIL_MAX_AGE_MS = 24 * 60 * 60_000;
/** At most this many notifications are listed in one mail; the rest are counted, the inbox has them. */
const MAIL_LIST_LIMIT = 30;

export type MailerOptions = {
  /** The clock: every decision (gathering, the one-a-minute lease) is taken at this moment. */
  now: Date;
  send: (message: MailMessage) => Promise<boolean>;
  /** The absolute address of a page of the app (lib/env.ts buildAppUrl). */
  buildLink: (path: string) => string;
  /** Who is sending (a process); a fresh one per call by default. */
  holder?: string;
};

const mailKey = (userId: string) => ({ name: `notification-mail:${userId}`, size: 1, leaseMs: SENDING_LEASE_MS });

/**
 * Mails each person with pending notifications (their chosen kinds, Notification.mailPending) one
 * mail holding all of them, when their first one has waited MAIL_GATHER_MS and their last mail
 * is at least MAIL_INTERVAL_MS old. Safe with several app processes: a person's mail is sent
 * under a lease (SlotLease `notification-mail:<userId>:0`, lib/limits/slots.ts) that one
 * process takes at a time; after a mail the lease is kept until a minute after it, which is what
 * holds the next mail back. Notifications read in the app meanwhile, and those of a team the
 * person has left, are dropped from the mail. A mail that fails is tried again a minute later. A
 * process that dies between sending and marking leaves its lease to expire, and the mail is sent
 * again (at least once, never lost). Returns the number of mails sent.
 */
export async function sendDueNotificationMails(db: Db, options: MailerOptions): Promise<number> {
  const { now } = options;
  const holder = options.holder ?? randomUUID();
  const waiting = await db.notification.groupBy({
    by: ["userId"],
    where: { mailPending: true },
    _min: { createdAt: true },
  });
  let sent = 0;
  for (const person of waiting) {
    if (!person._min.createdAt || person._min.createdAt.getTime() > now.getTime() - MAIL_GATHER_MS) continue;
    const slot = await tryTakeSlot(db, mailKey(person.userId), holder, now.getTime());
    if (!slot) continue;
    if (await mailPerson(db, person.userId, slot, options)) sent++;
  }
  return sent;
}

async function mailPerson(db: Db, userId: string, slot: Slot, options: MailerOptions): Promise<boolean> {
  const { now } = options;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, deletedAt: true, memberships: { select: { teamId: true } } } });
  const pending = await db.notification.findMany({
    where: { userId, mailPending: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, kind: true, note: true, readAt: true, createdAt: true, teamId: true,
      actor: { select: { name: true } },
      team: { select: { name: true, slug: true } },
      claim: { select: { id: true, articleId: true, statement: true, article: { select: { title: true } } } },
    },
  });
  const teams = new Set(user?.memberships.map((membership) => membership.teamId));
  const oldest = now.getTime() - MAIL_MAX_AGE_MS;
  const mailed = user && !user.deletedAt ? pending.filter((entry) => !entry.readAt && teams.has(entry.teamId) && entry.createdAt.getTime() >= oldest) : [];
  if (mailed.length > 0) {
    try {
      await options.send(buildNotificationMail({ to: user!.email, name: user!.name }, mailed, options.buildLink));
    } catch (error) {
      console.error("A notification mail failed; it is tried again in a minute", error);
      await renewSlot(db, slot, MAIL_INTERVAL_MS, now.getTime());
      return false;
    }
  }
  // What was mailed, and what is not to be (read, a team left, too old), is no longer pending;
  // anything that arrived meanwhile stays for the next mail.
  const done = pending.map((entry) => entry.id);
  const mailedIds = new Set(mailed.map((entry) => entry.id));
  await db.notification.updateMany({ where: { id: { in: done.filter((id) => mailedIds.has(id)) } }, data: { mailPending: false, mailedAt: now } });
  await db.notification.updateMany({ where: { id: { in: done.filter((id) => !mailedIds.has(id)) } }, data: { mailPending: false } });
  if (mailed.length > 0) await renewSlot(db, slot, MAIL_INTERVAL_MS, now.getTime());
  else await releaseSlot(db, slot);
  return mailed.length > 0;
}

type MailedEntry = {
  kind: NotificationKind;
  note: string | null;
  actor: { name: string };
  team: { name: string; slug: string };
  claim: { id: string; articleId: string; statement: string; article: { title: string } };
};

/** One mail for all of a person's pending notifications, oldest first, each with its link. */
export function buildNotificationMail(to: { to: string; name: string }, entries: readonly MailedEntry[], buildLink: (path: string) => string): MailMessage {
  const [first] = entries;
  const subject = entries.length === 1 && first ? `${first.actor.name} ${notificationPhrases[first.kind]}` : `${countOf(entries.length, "new notification")} on FactDesk`;
  const listed = entries.slice(0, MAIL_LIST_LIMIT).flatMap((entry) => [
    `- ${entry.actor.name} ${notificationPhrases[entry.kind]} (${entry.team.name})`,
    `  “${truncate(entry.claim.statement, 200)}” in ${entry.claim.article.title}`,
    ...(entry.note ? [`  ${truncate(entry.note.replace(/\s+/g, " "), 280)}`] : []),
    `  ${buildLink(`/t/${entry.team.slug}/articles/${entry.claim.articleId}/claims/${entry.claim.id}`)}`,
    "",
  ]);
  const more = entries.length > MAIL_LIST_LIMIT ? [`…and ${(entries.length - MAIL_LIST_LIMIT).toLocaleString("en")} more: see your inbox.`, ""] : [];
  const slugs = [...new Set(entries.map((entry) => entry.team.slug))];
  return {
    to: to.to,
    subject,
    text: [
      `Hello ${to.name},`,
      "",
      ...listed,
      ...more,
      `Your inbox, and which notifications are mailed to you: ${buildLink(`/t/${slugs[0]}/notifications`)}`,
      "",
    ].join("\n"),
  };
}
