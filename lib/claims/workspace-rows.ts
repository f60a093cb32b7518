import type { Db } from "@/lib/config/prisma-client";
import { loadClaimTraceSummaries, type ClaimTraceSummary } from "@/lib/sources/map-queries";
import { listMatchMarkers, type MatchMarker } from "./matching/queries";
import { claimFields, deletedClaimsQuery } from "./queries";

type ClaimRow = { id: string; quote: string; start: number; end: number; statement: string; status: string; anchorState: string; previousQuote: string | null; revision: number; createdBy: { name: string } };

/**
 * A claim as the workspace lists it (components/workspace/types.ts, WorkspaceClaim): its row and
 * what its trace summary says of its provenance, verdict and assignee. The page and the live
 * patch (`readWorkspaceRows`) both build it here, so the two cannot drift apart.
 */
export function describeWorkspaceClaim(claim: ClaimRow, trace: ClaimTraceSummary | undefined) {
  const row = {
    id: claim.id, quote: claim.quote, start: claim.start, end: claim.end, statement: claim.statement, status: claim.status,
    anchorState: claim.anchorState, previousQuote: claim.previousQuote, revision: claim.revision, createdBy: claim.createdBy.name,
  };
  if (!trace) return row;
  return {
    ...row,
    provenance: trace.glance, provenanceSummary: trace.summary, verdictLabel: trace.verdictLabel, verdictById: trace.verdictById, isSignedOff: trace.isSignedOff,
    assignee: trace.assignee?.name ?? null, assigneeId: trace.assignee?.id ?? null, citesOutlet: trace.citesOutlet,
  };
}

export type WorkspaceClaimRow = ReturnType<typeof describeWorkspaceClaim>;

/** A recently deleted claim as the workspace offers it back. */
export function describeDeletedClaim(claim: { id: string; statement: string; deletedAt: Date | null }) {
  return { id: claim.id, statement: claim.statement, deletedAt: claim.deletedAt!.toISOString() };
}

/**
 * What a workspace needs to take in colleagues' changes to `claimIds` without rendering the page
 * again: those claims' rows as the page lists them (a deleted one has none), the article's live
 * claims in list order (ids only), its recently deleted ones, and the named live claims' "checked
 * before" / "repeated" markers (`listMatchMarkers` for those claims alone; a claim without one has
 * none). Null when the article is not the team's, or a claim named is not one of the article's
 * (another team's, say). Reads the named claims once, then their citations and their match
 * candidates, whatever the article's size.
 */
export async function readWorkspaceRows(db: Db, teamId: string, articleId: string, claimIds: readonly string[]) {
  const ids = [...new Set(claimIds)];
  const [named, order, deleted] = await Promise.all([
    db.claim.findMany({ where: { id: { in: ids }, articleId, teamId }, select: { ...claimFields, deletedAt: true } }),
    db.claim.findMany({ where: { articleId, teamId, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true } }),
    db.claim.findMany(deletedClaimsQuery(teamId, articleId)),
  ]);
  if (named.length < ids.length) return null;
  const live = named.filter((claim) => claim.deletedAt === null);
  const [traces, markers] = await Promise.all([
    loadClaimTraceSummaries(db, teamId, articleId, { of: "named", rows: live }),
    live.length === 0 ? Promise.resolve<Record<string, MatchMarker>>({}) : listMatchMarkers(db, teamId, articleId, { claimIds: live.map((claim) => claim.id) }),
  ]);
  return {
    claims: live.map((claim) => describeWorkspaceClaim(claim, traces.get(claim.id))),
    order: order.map((claim) => claim.id),
    deleted: deleted.map(describeDeletedClaim),
    markers,
  };
}
