import { describeTrace } from "./chain-summary";
import type { ChainHop, ChainPath, CitedSource, ClaimTrace, PathEnd, TracedOrigin } from "./chain-types";
import { listChainStarts, resolveChainEnds } from "./chain-walk";
import type { ChainEnd } from "./chain-walk";
import { listChainWarnings } from "./chain-warnings";
import { nameSource, toSourceMap } from "./lookup";
import { tallyOrigins } from "./origin-tally";
import type { SourceLookup } from "./lookup";
import { isSupportingRelation } from "./types";
import type { Citation, Source } from "./types";

/**
 * Trace every citation of one claim back to where it ends (see `Citation` for
 * the via convention). The analysis is O(n) in citations; `paths` spell out
 * each chain in full, so their total length is that of the output.
 */
export function traceClaim(citations: readonly Citation[], sources: SourceLookup): ClaimTrace {
  const sourceById = toSourceMap(sources);
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const ends = resolveChainEnds(citations);
  const starts = listChainStarts(citations, ends).map((id) => byId.get(id) as Citation);
  const origins = collectOrigins(starts, byId, ends, sourceById);
  const citedSources = collectCitedSources(starts, ends, sourceById);
  const tally = tallyOrigins(origins, citedSources);
  const contradicting = origins.filter((origin) => origin.relations.includes("contradicts"));
  return {
    paths: starts.map((start) => buildPath(start, byId, ends, sourceById)),
    origins,
    tally,
    contradictingOrigins: contradicting.length,
    warnings: listChainWarnings({ citations, byId, starts, ends, sourceById, tally, citedSources }),
    summary: describeTrace({ citationCount: citations.length, starts, tally, contradicting, citedSources }),
  };
}

function buildPath(
  start: Citation,
  byId: ReadonlyMap<string, Citation>,
  ends: ReadonlyMap<string, ChainEnd>,
  sourceById: ReadonlyMap<string, Source>,
): ChainPath {
  const hops: ChainHop[] = [];
  const seen = new Set<string>();
  let current: Citation | undefined = start;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    hops.push({ citation: current, source: sourceById.get(current.sourceId) ?? null });
    current = current.viaCitationId ? byId.get(current.viaCitationId) : undefined;
  }
  const end = ends.get(start.id) as ChainEnd;
  const pathEnd: PathEnd =
    end.kind === "cycle" ? "cycle"
    : end.kind === "missing" ? "missing_link"
    : byId.get(end.citationId)?.isOrigin ? "origin"
    : "not_reached";
  return { hops, relation: start.relation, end: pathEnd };
}

/** Origins in the order the article's citations first reach them. */
function collectOrigins(
  starts: readonly Citation[],
  byId: ReadonlyMap<string, Citation>,
  ends: ReadonlyMap<string, ChainEnd>,
  sourceById: ReadonlyMap<string, Source>,
): TracedOrigin[] {
  const origins = new Map<string, TracedOrigin>();
  const counted = new Set<string>();
  for (const start of starts) {
    const end = ends.get(start.id) as ChainEnd;
    if (end.kind === "cycle") continue;
    const last = byId.get(end.citationId) as Citation;
    let origin = origins.get(last.sourceId);
    if (!origin) {
      const source = sourceById.get(last.sourceId) ?? null;
      const name = nameSource(last.sourceId, sourceById);
      origin = { sourceId: last.sourceId, source, name, reached: false, relations: [], citationIds: [] };
      origins.set(last.sourceId, origin);
    }
    // A via that leads nowhere means the trace is unfinished, whatever the mark says.
    if (end.kind === "end" && last.isOrigin) origin.reached = true;
    if (!origin.relations.includes(start.relation)) origin.relations.push(start.relation);
    if (!counted.has(last.id)) origin.citationIds.push(last.id);
    counted.add(last.id);
  }
  return [...origins.values()];
}

/** Sources cited in support whose chains lead somewhere: a chain lost in a cycle backs no origin. */
function collectCitedSources(
  starts: readonly Citation[],
  ends: ReadonlyMap<string, ChainEnd>,
  sourceById: ReadonlyMap<string, Source>,
): CitedSource[] {
  const cited = new Map<string, Source | null>();
  for (const start of starts) {
    if (!isSupportingRelation(start.relation) || ends.get(start.id)?.kind === "cycle") continue;
    cited.set(start.sourceId, sourceById.get(start.sourceId) ?? null);
  }
  return [...cited].map(([sourceId, source]) => ({ sourceId, source }));
}
