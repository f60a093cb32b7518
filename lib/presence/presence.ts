import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import { LIVE_CHANNEL } from "@/lib/live/changes";
import type { PresenceActivity } from "./activities";
import type { PresenceHeartbeat } from "./schema";

/**
 * Who has which page of the team open (model Presence), kept in the database so that every app
 * process sees every person (decision 0015), and shown to colleagues through the live stream
 * (lib/live/hub.ts reads `readTeamPresence`). A page renews its row every PRESENCE_HEARTBEAT_MS;
 * a row not renewed for PRESENCE_TTL_MS is no longer read (a closed laptop, a killed browser), and
 * a page that closes deletes its row at once. Presence is not history: no claim event, no feed row.
 */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** Two heartbeats and a margin: one lost or late heartbeat does not make a person flicker out. */
export const PRESENCE_TTL_MS = 25_000;
/** Open pages one person may be present on at once, as the live streams (lib/live/stream-limits.ts). */
export const MAX_PRESENT_PAGES = 20;

/** Where a page is: its person, team and article (from the guard and the URL). */
export type PresencePlace = { teamId: string; userId: string; articleId: string };

/** What a colleague's page learns of one person's page. */
export type PresenceEntry = {
  userId: string;
  name: string;
  articleId: string;
  claimId: string | null;
  activity: PresenceActivity;
  /** When the page opened or its activity last changed (ISO). */
  since: string;
};

const expiry = (now: Date) => new Date(now.getTime() + PRESENCE_TTL_MS);

/**
 * The heartbeat of a page whose place and activity are unchanged: one UPDATE of its own row.
 * False when there is nothing to renew (a new page, a new activity or claim, or a row that had
 * already expired and so vanished from colleagues' pages): then `setPresence` is the answer.
 */
export async function renewPresence(db: Db, place: PresencePlace, beat: PresenceHeartbeat, now = new Date()): Promise<boolean> {
  const { count } = await db.presence.updateMany({
    where: { userId: place.userId, tab: beat.tab, teamId: place.teamId, articleId: place.articleId, claimId: beat.claim ?? null, activity: beat.activity, expiresAt: { gt: now } },
    data: { renewedAt: now, expiresAt: expiry(now) },
  });
  return count > 0;
}

/**
 * A page arrives or changes what it does: its article (and claim) must be the team's, else
 * NOT_FOUND like any other id; a person has at most MAX_PRESENT_PAGES pages present. Colleagues'
 * pages are told (on PostgreSQL every process, by NOTIFY; the caller pokes its own process).
 */
export async function setPresence(db: Db, place: PresencePlace, beat: PresenceHeartbeat, now = new Date()): Promise<void> {
  const claimId = beat.claim ?? null;
  const [article, claim, otherPages] = await Promise.all([
    db.article.findFirst({ where: { id: place.articleId, teamId: place.teamId }, select: { id: true } }),
    claimId ? db.claim.findFirst({ where: { id: claimId, teamId: place.teamId, articleId: place.articleId }, select: { id: true } }) : Promise.resolve({ id: null }),
    db.presence.count({ where: { userId: place.userId, tab: { not: beat.tab }, expiresAt: { gt: now } } }),
  ]);
  if (!article) throw new AppError("NOT_FOUND", "This article does not exist in this team.");
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist in this article.");
  if (otherPages >= MAX_PRESENT_PAGES) throw new AppError("RATE_LIMITED", `You have ${MAX_PRESENT_PAGES} pages open already: colleagues see you on those.`);
  const row = { teamId: place.teamId, articleId: place.articleId, claimId, activity: beat.activity, changedAt: now, renewedAt: now, expiresAt: expiry(now) };
  await db.presence.upsert({ where: { userId_tab: { userId: place.userId, tab: beat.tab } }, create: { userId: place.userId, tab: beat.tab, ...row }, update: row });
  await notifyProcesses(db, place.teamId);
}

/**
 * A page closes: its row goes, and colleagues' pages are told. False when there was none. The
 * article must be the team's (NOT_FOUND otherwise, as for every id in an address).
 */
export async function leavePresence(db: Db, place: PresencePlace, tab: string): Promise<boolean> {
  if ((await db.article.count({ where: { id: place.articleId, teamId: place.teamId } })) === 0) throw new AppError("NOT_FOUND", "This article does not exist in this team.");
  const { count } = await db.presence.deleteMany({ where: { userId: place.userId, tab, teamId: place.teamId } });
  if (count > 0) await notifyProcesses(db, place.teamId);
  return count > 0;
}

/**
 * Who is present in the team now, oldest arrival first: one entry per person, place and
 * activity (a person's two tabs on one claim are one entry). Only current members: someone
 * removed from the team vanishes at once, not when their row expires.
 */
export async function readTeamPresence(db: Db, teamId: string, now = new Date()): Promise<PresenceEntry[]> {
  const rows = await db.presence.findMany({
    where: { teamId, expiresAt: { gt: now }, user: { memberships: { some: { teamId } } } },
    select: { userId: true, articleId: true, claimId: true, activity: true, changedAt: true, user: { select: { name: true } } },
    orderBy: [{ changedAt: "asc" }, { userId: "asc" }],
  });
  const seen = new Set<string>();
  const entries: PresenceEntry[] = [];
  for (const row of rows) {
    const key = `${row.userId}\u0000${row.articleId}\u0000${row.claimId}\u0000${row.activity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ userId: row.userId, name: row.user.name, articleId: row.articleId, claimId: row.claimId, activity: row.activity, since: row.changedAt.toISOString() });
  }
  return entries;
}

/** Deletes rows expired for more than a minute (every team); returns how many went. */
export async function prunePresence(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.presence.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60_000) } } });
  return count;
}

/** On PostgreSQL, wakes the team's feed in every app process (lib/live/hub.ts listens on LIVE_CHANNEL). */
async function notifyProcesses(db: Db, teamId: string): Promise<void> {
  if (dialectOf(db) === "postgresql") await db.$executeRawUnsafe(`SELECT pg_notify('${LIVE_CHANNEL}', $1)`, teamId);
}
