import { CITATION_RELATIONS, SOURCE_KINDS } from "./types";
import type { CitationRelation, SourceKind } from "./types";

/** Source rows keep their domains as JSON text (portable across databases); unreadable text is no domains. */
export function parseDomains(text: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

export function readKind(kind: string): SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : "organisation";
}

export function readRelation(relation: string): CitationRelation {
  // An unrecognised relation must not count as support: treat it as context.
  return (CITATION_RELATIONS as readonly string[]).includes(relation) ? (relation as CitationRelation) : "context";
}
