import { parseDomains, readKind } from "@/lib/sources/stored";
import type { Citation, CitationRelation, Source } from "@/lib/sources/types";

export { parseDomains };

/** The citation columns chain analysis reads; select these to trace a claim. */
export const chainCitationSelect = {
  id: true, claimId: true, sourceId: true, url: true, passage: true, relation: true, viaCitationId: true, isOrigin: true,
} as const;
export const chainSourceSelect = { id: true, name: true, kind: true, homepage: true, domains: true } as const;

/** A stored citation row as lib/sources' chain logic types it. */
export function toChainCitation(row: {
  id: string; claimId: string; sourceId: string; url: string | null; passage: string | null;
  relation: string; viaCitationId: string | null; isOrigin: boolean;
}): Citation {
  return { ...row, relation: row.relation as CitationRelation };
}

export function toChainSource(row: { id: string; name: string; kind: string; homepage: string | null; domains: string }): Source {
  return { ...row, kind: readKind(row.kind), domains: parseDomains(row.domains) };
}
