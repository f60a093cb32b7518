import type { ChainWarningKind, ClaimTrace } from "./chain-types";
import { normalizeSourceName } from "./normalize";
import type { SourceUsage } from "./source-map";
import { isSupportingRelation } from "./types";
import { countOf } from "@/lib/text/plural";

/**
 * How a claim's provenance reads at a glance, in the order editors must act on it, counted as
 * `tallyOrigins` counts (only reached ends are origins):
 * not_traced: no citation yet; no_support: only contradicting or context citations;
 * cycle: every supporting chain loops; none_reached: no supporting chain reaches a marked
 * origin; single: one origin reached; several: two or more independent origins reached.
 */
export type ProvenanceKind = "not_traced" | "no_support" | "cycle" | "none_reached" | "single" | "several";

export type ProvenanceGlance = {
  kind: ProvenanceKind;
  /** Independent origins reached behind the supporting citations. */
  originCount: number;
  /** One origin repeated by several cited sources: the weakness to flag (a first-hand origin is not). */
  restsOnSingleOrigin: boolean;
  /** Some supporting chain stops short of a marked origin. */
  hasUnreached: boolean;
  hasCycle: boolean;
};

/** The glance for one traced claim; `citationCount` is that of its live citations. */
export function classifyProvenance(trace: ClaimTrace, citationCount: number): ProvenanceGlance {
  const { tally } = trace;
  const hasCycle = trace.warnings.some((warning) => warning.kind === "cycle");
  const glance = { originCount: tally.independentOrigins, restsOnSingleOrigin: tally.restsOnSingleOrigin, hasUnreached: tally.stops.length > 0, hasCycle };
  if (citationCount === 0) return { kind: "not_traced", ...glance };
  if (tally.independentChains === 0) {
    const hasSupportingPath = trace.paths.some((path) => isSupportingRelation(path.relation));
    return { kind: hasSupportingPath && hasCycle ? "cycle" : "no_support", ...glance };
  }
  if (tally.independentOrigins === 0) return { kind: "none_reached", ...glance };
  return { kind: tally.independentOrigins === 1 ? "single" : "several", ...glance };
}

/** The distinct warning kinds of a trace, for compact flags in lists. */
export function listWarningKinds(trace: ClaimTrace): ChainWarningKind[] {
  return [...new Set(trace.warnings.map((warning) => warning.kind))];
}

/** The headline's buckets: a single origin splits into the repeated one (a weakness) and the rest. */
type HeadlineBucket = ProvenanceKind | "repeated";

const PHRASES: Record<HeadlineBucket, [one: string, many: string]> = {
  repeated: ["rests on a single origin repeated by several sources", "rest on a single origin repeated by several sources"],
  single: ["has one origin", "have one origin"],
  several: ["has two or more independent origins", "have two or more independent origins"],
  none_reached: ["has no origin reached", "have no origin reached"],
  cycle: ["is lost in a citation loop", "are lost in a citation loop"],
  no_support: ["has no supporting source", "have no supporting source"],
  not_traced: ["is not traced yet", "are not traced yet"],
};

/** The order of the headline: what needs attention first. */
const HEADLINE_ORDER: HeadlineBucket[] = ["repeated", "none_reached", "cycle", "single", "several", "no_support", "not_traced"];

const bucketOf = (glance: Pick<ProvenanceGlance, "kind" | "restsOnSingleOrigin">): HeadlineBucket =>
  glance.kind === "single" && glance.restsOnSingleOrigin ? "repeated" : glance.kind;

/** "7 claims: 3 rest on a single origin repeated by several sources, 2 have no origin reached, 2 have one origin". */
export function describeClaimCounts(glances: readonly Pick<ProvenanceGlance, "kind" | "restsOnSingleOrigin">[]): string {
  if (glances.length === 0) return "No claims yet.";
  const buckets = glances.map(bucketOf);
  const parts = HEADLINE_ORDER.flatMap((bucket) => {
    const count = buckets.filter((each) => each === bucket).length;
    if (count === 0) return [];
    return [`${count} ${PHRASES[bucket][count === 1 ? 0 : 1]}`];
  });
  return `${countOf(glances.length, "claim")}: ${parts.join(", ")}`;
}

/**
 * The sources most claims lean on, ties included. The article's own outlet is left out:
 * that it carries every claim it publishes says nothing about independence.
 */
export function findMostLeanedOn(sources: readonly SourceUsage[], outlet?: string | null) {
  const ownKey = outlet ? normalizeSourceName(outlet) : null;
  const others = sources.filter((usage) => usage.claimIds.length > 0 && normalizeSourceName(usage.name) !== ownKey);
  const top = others[0]?.claimIds.length ?? 0;
  if (top === 0) return null;
  return { names: others.filter((usage) => usage.claimIds.length === top).map((usage) => usage.name), claimCount: top };
}

/** What a source is to one claim, strongest first when it plays several parts. */
export type SourceRole = "origin" | "unreached" | "relays" | "contradicts" | "context" | "loop";

const ROLE_RANK: Record<SourceRole, number> = { origin: 0, unreached: 1, loop: 2, relays: 3, contradicts: 4, context: 5 };

/** Each source on the claim's chains with the part it plays, for the matrix's cells. */
export function listSourceRoles(trace: ClaimTrace): Map<string, SourceRole> {
  const roles = new Map<string, SourceRole>();
  const assign = (sourceId: string, role: SourceRole) => {
    const current = roles.get(sourceId);
    if (!current || ROLE_RANK[role] < ROLE_RANK[current]) roles.set(sourceId, role);
  };
  for (const path of trace.paths) {
    const isSupporting = isSupportingRelation(path.relation);
    path.hops.forEach((hop, index) => {
      const sourceId = hop.citation.sourceId;
      if (!isSupporting) assign(sourceId, path.relation === "contradicts" ? "contradicts" : "context");
      else if (path.end === "cycle") assign(sourceId, "loop");
      else if (index < path.hops.length - 1) assign(sourceId, "relays");
      else assign(sourceId, path.end === "origin" ? "origin" : "unreached");
    });
  }
  return roles;
}
