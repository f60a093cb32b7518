import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { normalizeClaim } from "./normalize";
import { listIndexTerms } from "./lexical";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Claim matching's index (ClaimMatchEntry, ClaimMatchTerm): every judged, live claim's statement
 * filed under its terms. Called in the transaction of each change to a claim's statement, verdict
 * or deletion, while that claim is locked, so the index changes with the claim or not at all.
 */
export async function syncClaimMatchIndex(tx: Tx, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length === 0) return;
  const ids = [...new Set(claimIds)];
  const claims = await tx.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, teamId: true, statement: true, verdict: true, deletedAt: true },
  });
  await tx.claimMatchTerm.deleteMany({ where: { claimId: { in: ids } } });
  await tx.claimMatchEntry.deleteMany({ where: { claimId: { in: ids } } });
  const judged = claims.filter((claim) => claim.verdict !== null && claim.deletedAt === null);
  if (judged.length === 0) return;
  await tx.claimMatchEntry.createMany({
    data: judged.map((claim) => ({ claimId: claim.id, teamId: claim.teamId, length: normalizeClaim(claim.statement).terms.length })),
  });
  await tx.claimMatchTerm.createMany({
    data: judged.flatMap((claim) => listIndexTerms(claim.statement).map((term) => ({ teamId: claim.teamId, term, claimId: claim.id }))),
  });
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
