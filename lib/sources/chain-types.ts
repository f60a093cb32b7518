import type { OriginTally } from "./origin-tally";
import type { Citation, CitationRelation, Source } from "./types";

/** One hop of a path; `source` is null when the citation names a source that does not exist. */
export type ChainHop = { citation: Citation; source: Source | null };

/**
 * origin: ends at a citation marked as the origin; not_reached: ends at one not marked;
 * missing_link: its via names a citation not on this claim; cycle: the via links loop.
 */
export type PathEnd = "origin" | "not_reached" | "missing_link" | "cycle";

/** hops[0] is the citation the article makes, each next hop the one it relays. */
export type ChainPath = { hops: ChainHop[]; relation: CitationRelation; end: PathEnd };

/**
 * A source at the far end of one or more paths (a chain end). `reached` when some path ends
 * at it on a citation marked as the origin, which makes it an origin; otherwise it is only as
 * far as the trace got, and is never called an origin (see `tallyOrigins`).
 * `relations` are those of the article's citations whose paths end here.
 */
export type TracedOrigin = {
  sourceId: string;
  source: Source | null;
  name: string;
  reached: boolean;
  relations: CitationRelation[];
  citationIds: string[];
};

/** A source the article itself cites for the claim. */
export type CitedSource = { sourceId: string; source: Source | null };

/**
 * no_origin_reached: a path ends at a citation not marked as the origin.
 * cycle: via links loop. single_origin: several cited sources whose chains all end at one source.
 * missing_link: a via names a citation not on the claim. unknown_source: a citation's
 * source does not exist. origin_mid_chain: a citation marked as the origin relays another.
 */
export type ChainWarningKind =
  | "no_origin_reached"
  | "cycle"
  | "single_origin"
  | "missing_link"
  | "unknown_source"
  | "origin_mid_chain";

/** A problem in a claim's provenance, worded for editors, with the citations concerned. */
export type ChainWarning = { kind: ChainWarningKind; citationIds: string[]; message: string };

export type ClaimTrace = {
  paths: ChainPath[];
  /** Every chain end, reached or not, supporting or not; `tally` says which count as origins. */
  origins: TracedOrigin[];
  /** Origins, stops and counts, in the one vocabulary every screen and report uses. */
  tally: OriginTally;
  /** Distinct chain ends behind contradicting citations, counted apart. */
  contradictingOrigins: number;
  warnings: ChainWarning[];
  summary: string;
};
