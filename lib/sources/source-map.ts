import { traceClaim } from "./chain";
import type { ClaimTrace } from "./chain-types";
import { nameSource, toSourceMap } from "./lookup";
import type { SourceLookup } from "./lookup";
import { isSupportingRelation } from "./types";
import type { Citation, Source } from "./types";

export type ClaimCitations = { id: string; citations: readonly Citation[] };

/** `originCount` and `restsOnSingleOrigin` as `tallyOrigins` counts them. */
export type ClaimProvenance = {
  claimId: string;
  trace: ClaimTrace;
  originCount: number;
  restsOnSingleOrigin: boolean;
};

/**
 * How much of the article leans on one source: `claimIds` are the claims
 * whose supporting chains pass through it at any hop, `originClaimIds` those
 * for which it is an origin reached (never a chain that only stops there).
 */
export type SourceUsage = {
  sourceId: string;
  source: Source | null;
  name: string;
  claimIds: string[];
  originClaimIds: string[];
};

export type ArticleSourceMap = { claims: ClaimProvenance[]; sources: SourceUsage[] };

/** The article's source map; sources most leaned on first. */
export function traceArticle(claims: readonly ClaimCitations[], sources: SourceLookup): ArticleSourceMap {
  const sourceById = toSourceMap(sources);
  const usage = new Map<string, SourceUsage>();
  const getUsage = (sourceId: string): SourceUsage => {
    let entry = usage.get(sourceId);
    if (!entry) {
      const source = sourceById.get(sourceId) ?? null;
      entry = { sourceId, source, name: nameSource(sourceId, sourceById), claimIds: [], originClaimIds: [] };
      usage.set(sourceId, entry);
    }
    return entry;
  };
  const provenance = claims.map((claim): ClaimProvenance => {
    const trace = traceClaim(claim.citations, sourceById);
    const onChains = new Set<string>();
    for (const path of trace.paths) {
      if (!isSupportingRelation(path.relation)) continue;
      for (const hop of path.hops) onChains.add(hop.citation.sourceId);
    }
    for (const sourceId of onChains) getUsage(sourceId).claimIds.push(claim.id);
    for (const origin of trace.tally.reached) getUsage(origin.sourceId).originClaimIds.push(claim.id);
    return { claimId: claim.id, trace, originCount: trace.tally.independentOrigins, restsOnSingleOrigin: trace.tally.restsOnSingleOrigin };
  });
  const ranked = [...usage.values()].sort(
    (a, b) => b.claimIds.length - a.claimIds.length || a.name.localeCompare(b.name),
  );
  return { claims: provenance, sources: ranked };
}
