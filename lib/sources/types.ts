/** What a source is; it decides how the source map groups and words it. */
export const SOURCE_KINDS = ["outlet", "person", "document", "organisation", "dataset"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source a claim can rest on. `domains` holds bare hosts (see `normalizeDomain`). */
export type Source = {
  id: string;
  name: string;
  kind: SourceKind;
  homepage?: string | null;
  domains: string[];
};

/** How a citation bears on its claim. */
export const CITATION_RELATIONS = ["states", "corroborates", "contradicts", "context"] as const;
export type CitationRelation = (typeof CITATION_RELATIONS)[number];

/**
 * One hop of a claim's provenance: the claim rests on `sourceId` here.
 *
 * Chain convention: `viaCitationId` points one hop *towards the origin*, at the
 * citation this one relays. "Insider <- The Daily Beast <- the bill" is stored as
 * Insider.via = DailyBeast.id, DailyBeast.via = Bill.id, Bill.via = null with
 * Bill.isOrigin = true. The citations nobody relays through are the ones the
 * article itself makes; a chain ends at the first citation without a via.
 * `isOrigin` is the editor's mark that this end is the primary source; it only
 * counts on a chain's end.
 */
export type Citation = {
  id: string;
  claimId: string;
  sourceId: string;
  url?: string | null;
  passage?: string | null;
  relation: CitationRelation;
  viaCitationId?: string | null;
  isOrigin: boolean;
};

/** True for the relations that support a claim (as opposed to contradicting it or giving context). */
export function isSupportingRelation(relation: CitationRelation): boolean {
  return relation === "states" || relation === "corroborates";
}

export const citationRelationLabels: Record<CitationRelation, string> = {
  states: "States",
  corroborates: "Corroborates",
  contradicts: "Contradicts",
  context: "Gives context",
};

export const sourceKindLabels: Record<SourceKind, string> = {
  outlet: "Outlet",
  person: "Person",
  document: "Document",
  organisation: "Organisation",
  dataset: "Data set",
};
