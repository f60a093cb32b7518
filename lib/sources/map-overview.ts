import type { ChainWarningKind, ClaimTrace } from "./chain-types";
import { normalizeSourceName } from "./normalize";
import type { SourceUsage } from "./source-map";
import { isSupportingRelation } from "./types";
import { countOf } from "@/lib/text/plural";

/**
 * How a claim's provenance reads at a glance, in the order editors must act on it:
 * not_traced: no citation yet; no_support: only contradicting or context citations;
 * cycle: every supporting chain loops; none_reached: no supporting chain reaches a marked
 * origin; single: one origin (however many outlets repeat it); several: two or more.
 */
export type ProvenanceKind = "not_traced" | "no_support" | "cycle" | "none_reached" | "single" | "several";

export type ProvenanceGlance = {
  kind: ProvenanceKind;
  /** Distinct origins behind the supporting citations, reached or not. */
  originCount: number;
  /** Some supporting chain stops short of a marked origin. */
  hasUnreached: boolean;
  hasCycle: boolean;
};

/** The glance for one traced claim; `citationCount` is that of its live citations. */
export function classifyProvenance(trace: ClaimTrace, citationCount: number): ProvenanceGlance {
  const supporting = trace.origins.filter((origin) => origin.relations.some(isSupportingRelation));
  const hasCycle = trace.warnings.some((warning) => warning.kind === "cycle");
  const hasUnreached = supporting.some((origin) => !origin.reached);
  const glance = { originCount: supporting.length, hasUnreached, hasCycle };
  if (citationCount === 0) return { kind: "not_traced", ...glance };
  if (supporting.length === 0) {
    const hasSupportingPath = trace.paths.some((path) => isSupportingRelation(path.relation));
    return { kind: hasSupportingPath && hasCycle ? "cycle" : "no_support", ...glance };
  }
  if (!supporting.some((origin) => origin.reached)) return { kind: "none_reached", ...glance };
  return { kind: supporting.length === 1 ? "single" : "several", ...glance };
}

/** The distinct warning kinds of a trace, for compact flags in lists. */
export function listWarningKinds(trace: ClaimTrace): ChainWarningKind[] {
  return [...new Set(trace.warnings.map((warning) => warning.kind))];
}

const PHRASES: Record<ProvenanceKind, [one: string, many: string]> = {
  single: ["stands on a single origin", "stand on a single origin"],
  several: ["has two or more independent origins", "have two or more independent origins"],
  none_reached: ["has no origin reached", "have no origin reached"],
  cycle: ["is lost in a citation loop", "are lost in a citation loop"],
  no_support: ["has no supporting source", "have no supporting source"],
  not_traced: ["is not traced yet", "are not traced yet"],
};

/** The order of the headline: what needs attention first. */
const HEADLINE_ORDER: ProvenanceKind[] = ["single", "none_reached", "cycle", "several", "no_support", "not_traced"];

/** "7 claims: 3 stand on a single origin, 2 have no origin reached, 2 have two or more independent origins". */
export function describeClaimCounts(kinds: readonly ProvenanceKind[]): string {
  if (kinds.length === 0) return "No claims yet.";
  const parts = HEADLINE_ORDER.flatMap((kind) => {
    const count = kinds.filter((each) => each === kind).length;
    if (count === 0) return [];
    return [`${count} ${PHRASES[kind][count === 1 ? 0 : 1]}`];
  });
  return `${countOf(kinds.length, "claim")}: ${parts.join(", ")}`;
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
