import type { Citation, CitationRelation, Source, SourceKind } from "@/lib/sources/types";

/** The citation columns chain analysis reads; select these to trace a claim. */
export const chainCitationSelect = {
  id: true, claimId: true, sourceId: true, url: true, passage: true, relation: true, viaCitationId: true, isOrigin: true,
} as const;
export const chainSourceSelect = { id: true, name: true, kind: true, homepage: true, domains: true } as const;

export function parseDomains(domains: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(domains ?? "[]");
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** A stored citation row as lib/sources' chain logic types it. */
export function toChainCitation(row: {
  id: string; claimId: string; sourceId: string; url: string | null; passage: string | null;
  relation: string; viaCitationId: string | null; isOrigin: boolean;
}): Citation {
  return { ...row, relation: row.relation as CitationRelation };
}

export function toChainSource(row: { id: string; name: string; kind: string; homepage: string | null; domains: string }): Source {
  return { ...row, kind: row.kind as SourceKind, domains: parseDomains(row.domains) };
}
