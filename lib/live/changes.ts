import { dialectOf, type Db } from "@/lib/config/prisma-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The team's change feed (model LiveChange): what live pages read to show colleagues' changes.
 *
 * A row is written inside the transaction that makes the change, so it exists exactly when the
 * change committed. Readers keep a cursor and ask for the rows after it. The difficulty is order:
 * on PostgreSQL, transactions run side by side and commit in any order, so a reader could see
 * row 11 (committed) while row 10 (its transaction still open) is invisible, move its cursor past
 * 10, and never see it. Rows therefore carry the id of the transaction that wrote them (`txid`,
 * pg_current_xact_id()), and a reader takes only rows of transactions older than the oldest
 * one still running (the snapshot's xmin), ordered by (txid, seq): every transaction below that
 * bound has ended, so no row can appear behind the cursor later. A change shows once the
 * transactions that began before it have ended too (milliseconds here). On SQLite one writer at a
 * time commits in the order of `seq`, and `txid` is 0.
 */
export type Cursor = { txid: bigint; seq: number };

/** What a page learns of a change: enough to know whether it shows it, and who made it. */
export type LiveChange = {
  /** The change's place in the feed, "txid.seq": the SSE event id a reconnecting page sends back. */
  id: string;
  kind: string;
  articleId: string | null;
  claimId: string | null;
  actorId: string | null;
  /** Set on a change for one person alone (a notification of theirs): nobody else is handed it. */
  recipientId: string | null;
};

export const START: Cursor = { txid: 0n, seq: 0 };

export function formatCursor(cursor: Cursor): string {
  return `${cursor.txid}.${cursor.seq}`;
}

/** A cursor as a page sent it back (Last-Event-ID, ?after=), or null if it is not one. */
export function parseCursor(text: string | null | undefined): Cursor | null {
  const match = /^(\d{1,19})\.(\d{1,10})$/.exec(text ?? "");
  if (!match) return null;
  const txid = BigInt(match[1]!);
  const seq = Number(match[2]);
  if (txid > 9_223_372_036_854_775_807n || seq > 2_147_483_647) return null;
  return { txid, seq };
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Appends a change to the team's feed; call it inside the transaction that makes the change.
 * On PostgreSQL the same statement records the transaction's id and notifies the listening app
 * processes (delivered when the transaction commits, not at all if it rolls back).
 */
export async function recordLiveChange(
  tx: Tx,
  change: { teamId: string; kind: string; articleId?: string | null; claimId?: string | null; actorId?: string | null; recipientId?: string | null },
): Promise<void> {
  const values = [change.teamId, change.kind, change.articleId ?? null, change.claimId ?? null, change.actorId ?? null, change.recipientId ?? null];
  if (dialectOf(tx as unknown as Db) === "postgresql") {
    await tx.$executeRawUnsafe(
      `WITH added AS (
         INSERT INTO "LiveChange" ("teamId", "kind", "articleId", "claimId", "actorId", "recipientId", "txid")
         VALUES ($1, $2, $3, $4, $5, $6, pg_current_xact_id()::text::bigint) RETURNING "teamId"
       ) SELECT pg_notify('${LIVE_CHANNEL}', "teamId") FROM added`,
      ...values,
    );
    return;
  }
  await tx.liveChange.create({ data: { teamId: change.teamId, kind: change.kind, articleId: change.articleId ?? null, claimId: change.claimId ?? null, actorId: change.actorId ?? null, recipientId: change.recipientId ?? null, txid: 0n } });
}

/** The PostgreSQL channel a change's transaction notifies, with the team's id as its payload. */
export const LIVE_CHANNEL = "factdesk_live";

type Row = { seq: number | bigint; txid: bigint | number | string | null; kind: string; articleId: string | null; claimId: string | null; actorId: string | null; recipientId: string | null };

function toChange(row: Row): LiveChange & { cursor: Cursor } {
  const cursor = { txid: BigInt(row.txid ?? 0), seq: Number(row.seq) };
  return { id: formatCursor(cursor), cursor, kind: row.kind, articleId: row.articleId, claimId: row.claimId, actorId: row.actorId, recipientId: row.recipientId };
}

/**
 * The team's changes after `after`, oldest first, at most `limit`. A change to a claim names the
 * claim's article (a claim stays in its article). On PostgreSQL only changes whose transactions
 * are all behind the oldest one still running (see the top of this file).
 */
export async function readLiveChanges(db: Db, teamId: string, after: Cursor, limit = 500): Promise<Array<LiveChange & { cursor: Cursor }>> {
  if (dialectOf(db) === "postgresql") {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT lc."seq", lc."txid", lc."kind", COALESCE(lc."articleId", c."articleId") AS "articleId", lc."claimId", lc."actorId", lc."recipientId"
         FROM "LiveChange" lc LEFT JOIN "Claim" c ON c."id" = lc."claimId"
        WHERE lc."teamId" = $1 AND (lc."txid", lc."seq") > ($2::bigint, $3::int)
          AND lc."txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY lc."txid", lc."seq" LIMIT $4::int`,
      teamId, after.txid.toString(), after.seq, limit,
    );
    return rows.map(toChange);
  }
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT lc."seq", lc."txid", lc."kind", COALESCE(lc."articleId", c."articleId") AS "articleId", lc."claimId", lc."actorId", lc."recipientId"
       FROM "LiveChange" lc LEFT JOIN "Claim" c ON c."id" = lc."claimId"
      WHERE lc."teamId" = ? AND lc."seq" > ? ORDER BY lc."seq" LIMIT ?`,
    teamId, after.seq, limit,
  );
  return rows.map(toChange);
}

/** Whether `userId`'s pages are handed the change: every change of the team but another person's notification. */
export function isChangeFor(change: Pick<LiveChange, "recipientId">, userId: string): boolean {
  return change.recipientId === null || change.recipientId === userId;
}

/**
 * Where the team's feed stands now: a page rendered after this reads every later change from
 * here. Read it before the page's own data, so that a change between the two is shown twice
 * (harmless: a page shows a claim's latest state) rather than never.
 */
export async function readLiveHead(db: Db, teamId: string): Promise<Cursor> {
  if (dialectOf(db) === "postgresql") {
    const [last] = await db.$queryRawUnsafe<Array<Pick<Row, "seq" | "txid">>>(
      `SELECT "seq", "txid" FROM "LiveChange"
        WHERE "teamId" = $1 AND "txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY "txid" DESC, "seq" DESC LIMIT 1`,
      teamId,
    );
    return last ? { txid: BigInt(last.txid ?? 0), seq: Number(last.seq) } : START;
  }
  const last = await db.liveChange.findFirst({ where: { teamId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return last ? { txid: 0n, seq: last.seq } : START;
}

/**
 * Whether a page at `cursor` can still catch up: the feed keeps LIVE_RETENTION_MS of changes, so
 * a page whose last change is no longer kept is too far behind and reloads instead. A page from
 * before the team's first change (seq 0) reads from the oldest change kept.
 */
export async function canCatchUp(db: Db, teamId: string, cursor: Cursor): Promise<boolean> {
  if (cursor.seq === 0) return true;
  return (await db.liveChange.count({ where: { seq: cursor.seq, teamId } })) > 0;
}

/** How long the feed keeps changes: a page offline for longer reloads instead of catching up. */
export const LIVE_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Drops changes older than the retention, for every team; returns how many went. */
export async function pruneLiveChanges(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.liveChange.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LIVE_RETENTION_MS) } } });
  return count;
}
