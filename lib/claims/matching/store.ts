import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { normalizeClaim } from "./normalize";
import { listIndexTerms } from "./lexical";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Claim matching's index (ClaimMatchEntry, ClaimMatchTerm) and its counts (ClaimMatchTermCount,
 * ClaimMatchTotal): every judged, live claim's statement filed under its terms. Called in the
 * transaction of each change to a claim's statement, verdict or deletion, while that claim is
 * locked, so the index and its counts change with the claim or not at all. Only what changed is
 * written: a claim judged again with the same statement writes nothing but its (unchanged) counts.
 */
export async function syncClaimMatchIndex(tx: Tx, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length === 0) return;
  const claims = await tx.claim.findMany({
    where: { id: { in: [...new Set(claimIds)] } },
    select: { id: true, teamId: true, statement: true, verdict: true, deletedAt: true, matchEntry: { select: { length: true } }, matchTerms: { select: { term: true } } },
  });
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, { claims: number; length: number }>();
  const addCount = (teamId: string, term: string, delta: number) => {
    const team = counts.get(teamId) ?? counts.set(teamId, new Map()).get(teamId)!;
    team.set(term, (team.get(term) ?? 0) + delta);
  };
  const addTotal = (teamId: string, claims: number, length: number) => {
    const total = totals.get(teamId) ?? { claims: 0, length: 0 };
    totals.set(teamId, { claims: total.claims + claims, length: total.length + length });
  };
  const changedTeams = new Set<string>();
  const removedTerms: { claimId: string; term: { in: string[] } }[] = [];
  const addedTerms: { teamId: string; term: string; claimId: string }[] = [];
  const unfiled: string[] = [];
  const filed: { claimId: string; teamId: string; length: number }[] = [];
  for (const claim of claims) {
    const isJudged = claim.verdict !== null && claim.deletedAt === null;
    const before = new Set(claim.matchTerms.map((row) => row.term));
    const after = new Set(isJudged ? listIndexTerms(claim.statement) : []);
    const removed = [...before].filter((term) => !after.has(term));
    const added = [...after].filter((term) => !before.has(term));
    if (removed.length > 0 || added.length > 0) changedTeams.add(claim.teamId);
    if (removed.length > 0) removedTerms.push({ claimId: claim.id, term: { in: removed } });
    for (const term of removed) addCount(claim.teamId, term, -1);
    for (const term of added) {
      addedTerms.push({ teamId: claim.teamId, term, claimId: claim.id });
      addCount(claim.teamId, term, 1);
    }
    const length = isJudged ? normalizeClaim(claim.statement).terms.length : null;
    if (claim.matchEntry?.length === length) continue;
    changedTeams.add(claim.teamId);
    if (claim.matchEntry) {
      unfiled.push(claim.id);
      addTotal(claim.teamId, -1, -claim.matchEntry.length);
    }
    if (length !== null) {
      filed.push({ claimId: claim.id, teamId: claim.teamId, length });
      addTotal(claim.teamId, 1, length);
    }
  }
  if (removedTerms.length > 0) await tx.claimMatchTerm.deleteMany({ where: { OR: removedTerms } });
  if (addedTerms.length > 0) await tx.claimMatchTerm.createMany({ data: addedTerms });
  if (unfiled.length > 0) await tx.claimMatchEntry.deleteMany({ where: { claimId: { in: unfiled } } });
  if (filed.length > 0) await tx.claimMatchEntry.createMany({ data: filed });
  await addToCounts(tx, counts, totals, changedTeams);
}

/** Rows of one upsert statement (3 values each: well under either database's parameter limit). */
const UPSERT_ROWS = 300;

/**
 * Adds the deltas to the counts in upserts. On PostgreSQL two transactions filing claims of one
 * team wait for each other on the terms they share: the rows are written in (team, term) order,
 * the team's total last, so they queue rather than deadlock.
 */
async function addToCounts(tx: Tx, counts: Map<string, Map<string, number>>, totals: Map<string, { claims: number; length: number }>, changedTeams: ReadonlySet<string>) {
  const rows = [...counts].flatMap(([teamId, terms]) => [...terms].filter(([, delta]) => delta !== 0).map(([term, delta]) => [teamId, term, delta] as const));
  rows.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  const isPostgres = dialectOf(tx as unknown as Db) === "postgresql";
  for (let from = 0; from < rows.length; from += UPSERT_ROWS) {
    const batch = rows.slice(from, from + UPSERT_ROWS);
    let n = 0;
    const tuples = batch.map(() => (isPostgres ? `($${++n}, $${++n}, $${++n})` : "(?, ?, ?)")).join(", ");
    await tx.$executeRawUnsafe(
      `INSERT INTO "ClaimMatchTermCount" ("teamId", "term", "claims") VALUES ${tuples}
      ON CONFLICT ("teamId", "term") DO UPDATE SET "claims" = "ClaimMatchTermCount"."claims" + excluded."claims"`,
      ...batch.flat(),
    );
  }
  // The team's total, and its version moved on, for every team whose index changed at all.
  for (const teamId of [...changedTeams].sort()) {
    const total = totals.get(teamId) ?? { claims: 0, length: 0 };
    await tx.$executeRawUnsafe(
      `INSERT INTO "ClaimMatchTotal" ("teamId", "claims", "length", "version") VALUES (${isPostgres ? "$1, $2, $3" : "?, ?, ?"}, 1)
      ON CONFLICT ("teamId") DO UPDATE SET "claims" = "ClaimMatchTotal"."claims" + excluded."claims", "length" = "ClaimMatchTotal"."length" + excluded."length",
        "version" = "ClaimMatchTotal"."version" + 1`,
      teamId, total.claims, total.length,
    );
  }
}

/**
 * Counts a team's index again from its rows: for index rows written in bulk without
 * syncClaimMatchIndex (the scale test's and the bench's seed), or to repair counts after rows
 * were removed by hand. Not for use while the team's claims are being judged.
 */
export async function recountClaimMatchIndex(db: Db, teamId: string): Promise<void> {
  const p = dialectOf(db) === "postgresql" ? "$1" : "?";
  await db.$transaction([
    db.claimMatchTermCount.deleteMany({ where: { teamId } }),
    // The total is zeroed rather than deleted, so that its version only ever grows.
    db.$executeRawUnsafe(`UPDATE "ClaimMatchTotal" SET "claims" = 0, "length" = 0, "version" = "version" + 1 WHERE "teamId" = ${p}`, teamId),
    db.$executeRawUnsafe(`INSERT INTO "ClaimMatchTermCount" ("teamId", "term", "claims")
      SELECT "teamId", "term", COUNT(*) FROM "ClaimMatchTerm" WHERE "teamId" = ${p} GROUP BY "teamId", "term"`, teamId),
    db.$executeRawUnsafe(`INSERT INTO "ClaimMatchTotal" ("teamId", "claims", "length", "version")
      SELECT "teamId", COUNT(*), SUM("length"), 1 FROM "ClaimMatchEntry" WHERE "teamId" = ${p} GROUP BY "teamId"
      ON CONFLICT ("teamId") DO UPDATE SET "claims" = excluded."claims", "length" = excluded."length"`, teamId),
  ]);
}

/** Claims filed per catch-up transaction. */
const CATCH_UP_BATCH = 500;
/** Teams whose judged claims this process has seen all filed. */
const caughtUp = new Set<string>();

/**
 * Files the team's judged claims that have no index entry: those judged before the index existed
 * (its migration cannot run the matcher's JavaScript). Once per team and process when none are
 * left; a batch per call until then, so no request waits for a whole backlog.
 */
export async function catchUpClaimMatchIndex(db: Db, teamId: string): Promise<void> {
  if (caughtUp.has(teamId)) return;
  const missing = await db.claim.findMany({
    where: { teamId, verdict: { not: null }, deletedAt: null, matchEntry: { is: null } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: CATCH_UP_BATCH,
  });
  if (missing.length > 0) {
    await db.$transaction(async (tx) => {
      const ids = missing.map((claim) => claim.id);
      await lockRows(tx, "Claim", ids);
      await syncClaimMatchIndex(tx, ids);
    });
  }
  if (missing.length < CATCH_UP_BATCH) caughtUp.add(teamId);
}
