"use client";

import { citationRelationLabels, type CitationRelation } from "@/lib/sources/types";
import type { ViaOption } from "./citation-fields";
import { CitationItem } from "./citation-item";
import type { ClaimCitation } from "./types";

/** "The Daily Beast (states)": how a citation is named in the "cited via" choice. */
export function listViaOptions(citations: ClaimCitation[], exceptId?: string): ViaOption[] {
  return citations
    .filter((citation) => citation.id !== exceptId)
    .map((citation) => ({
      id: citation.id,
      label: `${citation.source.name} (${citationRelationLabels[citation.relation as CitationRelation]?.toLowerCase() ?? citation.relation})`,
    }));
}

/** The claim's citations in the order they were added, each with its chain neighbours named. */
export function CitationList({ citations, onTraceFurther }: { citations: ClaimCitation[]; onTraceFurther: (citation: ClaimCitation) => void }) {
  const nameById = new Map(citations.map((citation) => [citation.id, citation.source.name]));
  return (
    <section aria-labelledby="citations-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="citations-heading" className="text-lg font-semibold text-slate-900">
        Citations <span className="font-normal text-slate-500">({citations.length})</span>
      </h2>
      {citations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No citations yet. Add the first below, or cite the article&apos;s outlet in one click.</p>
      ) : (
        <ul aria-labelledby="citations-heading">
          {citations.map((citation) => (
            <CitationItem
              key={citation.id}
              citation={citation}
              viaName={citation.viaCitationId ? (nameById.get(citation.viaCitationId) ?? "a removed citation") : null}
              relayedBy={citations.filter((other) => other.viaCitationId === citation.id).map((other) => other.source.name)}
              viaOptions={listViaOptions(citations, citation.id)}
              onTraceFurther={onTraceFurther}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
