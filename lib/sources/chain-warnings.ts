import type { ChainWarning, CitedSource } from "./chain-types";
import type { ChainEnd } from "./chain-walk";
import { countSources, nameSource } from "./lookup";
import type { OriginTally } from "./origin-tally";
import { isSupportingRelation } from "./types";
import type { Citation, Source } from "./types";

type WarningInput = {
  citations: readonly Citation[];
  byId: ReadonlyMap<string, Citation>;
  starts: readonly Citation[];
  ends: ReadonlyMap<string, ChainEnd>;
  sourceById: ReadonlyMap<string, Source>;
  tally: OriginTally;
  citedSources: readonly CitedSource[];
};

/** Everything an editor should fix or weigh in one claim's provenance. */
export function listChainWarnings(input: WarningInput): ChainWarning[] {
  return [...listCitationWarnings(input), ...listEndWarnings(input), ...listSingleOriginWarning(input)];
}

function listCitationWarnings({ citations, byId, sourceById }: WarningInput): ChainWarning[] {
  const warnings: ChainWarning[] = [];
  for (const citation of citations) {
    if (!sourceById.has(citation.sourceId)) {
      warnings.push({
        kind: "unknown_source",
        citationIds: [citation.id],
        message: "A citation names a source that no longer exists; choose its source again.",
      });
    }
    const via = citation.viaCitationId ? byId.get(citation.viaCitationId) : undefined;
    if (citation.isOrigin && via && via.id !== citation.id) {
      const name = nameSource(citation.sourceId, sourceById);
      const viaName = nameSource(via.sourceId, sourceById);
      warnings.push({
        kind: "origin_mid_chain",
        citationIds: [citation.id, via.id],
        message: `${name} is marked as the origin but is also recorded as relaying ${viaName}; the trace continues to ${viaName}.`,
      });
    }
  }
  return warnings;
}

/** One warning per distinct end, however many paths share it. */
function listEndWarnings({ starts, ends, byId, sourceById }: WarningInput): ChainWarning[] {
  // Context citations need no origin; an end counts if any non-context path reaches it.
  const relevant = new Map<ChainEnd, boolean>();
  for (const start of starts) {
    const end = ends.get(start.id) as ChainEnd;
    relevant.set(end, (relevant.get(end) ?? false) || start.relation !== "context");
  }
  const warnings: ChainWarning[] = [];
  for (const [end, isRelevant] of relevant) {
    if (end.kind === "cycle") {
      const names = end.citationIds.map((id) => nameSource((byId.get(id) as Citation).sourceId, sourceById));
      warnings.push({
        kind: "cycle",
        citationIds: end.citationIds,
        message: `These citations relay each other in a loop (${[...names, names[0]].join(" → ")}); correct their “reported via” links.`,
      });
      continue;
    }
    const last = byId.get(end.citationId) as Citation;
    const name = nameSource(last.sourceId, sourceById);
    if (end.kind === "missing") {
      warnings.push({
        kind: "missing_link",
        citationIds: [last.id],
        message: `${name} is recorded as relaying a citation that is not on this claim; the trace stops at ${name}.`,
      });
    } else if (!last.isOrigin && isRelevant) {
      warnings.push({
        kind: "no_origin_reached",
        citationIds: [last.id],
        message: `The trace stops at ${name}, which is not marked as the origin.`,
      });
    }
  }
  return warnings;
}

/**
 * Several cited sources whose chains all end at one source: they repeat it. Worded as "one
 * origin" only when that end is reached; otherwise as the source the trace stops at.
 */
function listSingleOriginWarning({ tally, citedSources, starts, ends }: WarningInput): ChainWarning[] {
  const [end] = [...tally.reached, ...tally.stops];
  if (!tally.isRepeated || !end) return [];
  const citedIds = new Set(citedSources.map((cited) => cited.sourceId));
  const names = citedSources.map((cited) => cited.source?.name ?? "an unknown source").join(", ");
  const count = countSources(citedSources.map((cited) => cited.source));
  return [
    {
      kind: "single_origin",
      citationIds: starts
        .filter((start) => isSupportingRelation(start.relation) && citedIds.has(start.sourceId))
        .filter((start) => ends.get(start.id)?.kind !== "cycle")
        .map((start) => start.id),
      message: `${count} (${names}) all lead back to ${end.reached ? "one origin" : "one source"}, ${end.name}: they repeat it rather than confirm it independently.`,
    },
  ];
}
