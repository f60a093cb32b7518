import type { ProvenanceGlance } from "@/lib/sources/map-overview";

/**
 * A claim as the workspace lists it (lib/claims/workspace-rows.ts builds it; the client's
 * WorkspaceClaim in components/workspace/types.ts is this and a live marker): its row, and what
 * its trace says where one was loaded.
 */
export type ListedClaim = {
  id: string;
  quote: string;
  start: number;
  end: number;
  statement: string;
  status: string;
  anchorState: string;
  previousQuote: string | null;
  revision: number;
  createdBy: string;
  /** How the claim's sources stand (lib/sources/map-overview.ts); absent where not loaded. */
  provenance?: ProvenanceGlance;
  /** The trace in one sentence: "3 outlets, 1 origin: the Duma bill". */
  provenanceSummary?: string;
  /** The verdict in the team's wording, if one is given. */
  verdictLabel?: string | null;
  /** Who gave the verdict (their user id), and whether a sign-off covers it now: for selecting by filter. */
  verdictById?: string | null;
  isSignedOff?: boolean;
  assignee?: string | null;
  assigneeId?: string | null;
  /** Whether it cites the article's outlet already, so "Cite the outlet" would leave it (and its sign-off) alone. */
  citesOutlet?: boolean;
};

/** What most claims' rows hold: left out of a compact claim, put back when it is expanded. */
const ROW_DEFAULTS = { anchorState: "anchored", previousQuote: null } as const;
/** The same for a traced claim (one with `provenance`); an untraced claim has none of these. */
const TRACE_DEFAULTS = { verdictLabel: null, verdictById: null, isSignedOff: false, assignee: null, assigneeId: null, citesOutlet: false } as const;
const GLANCE_DEFAULTS = { restsOnSingleOrigin: false, hasUnreached: false, hasCycle: false } as const;

type Defaulted = keyof typeof ROW_DEFAULTS | keyof typeof TRACE_DEFAULTS;
type CompactGlance = Omit<ProvenanceGlance, keyof typeof GLANCE_DEFAULTS> & Partial<ProvenanceGlance>;

/**
 * A listed claim as the page sends it (decision 0031, amended): without its quote when the quote
 * is the article text's [start, end), which the page carries anyway, and without the fields
 * that hold their usual value. About half the bytes of a claim of the 1,000-claim bench article.
 */
export type CompactClaim = Omit<ListedClaim, "quote" | "provenance" | Defaulted> &
  Partial<Pick<ListedClaim, "quote" | Defaulted>> & { provenance?: CompactGlance };

/** Copies `values` without the entries equal to `defaults`' (absent keys stay absent). */
function omitDefaults<T extends object>(values: T, defaults: Record<string, unknown>): Partial<T> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && !(key in defaults && defaults[key] === value)) kept[key] = value;
  return kept as Partial<T>;
}

/**
 * The claims as the page sends them: `text` is the article version's text the page also sends,
 * which expandClaims is given. The quote is left out only where it is exactly that text's slice,
 * whatever the anchor state says: a lost claim keeps its old quote at [0, 0), and so does one
 * marked reviewed after it was lost (then "anchored").
 */
export function compactClaims(claims: readonly ListedClaim[], text: string): CompactClaim[] {
  return claims.map((claim) => {
    const { quote, provenance, ...rest } = claim;
    const compact = omitDefaults(rest, provenance ? { ...ROW_DEFAULTS, ...TRACE_DEFAULTS } : ROW_DEFAULTS) as CompactClaim;
    if (quote !== text.slice(claim.start, claim.end)) compact.quote = quote;
    if (provenance) compact.provenance = omitDefaults(provenance, GLANCE_DEFAULTS) as CompactGlance;
    return compact;
  });
}

/** The claims as compactClaims took them, from what it sent and the same `text`. */
export function expandClaims(claims: readonly CompactClaim[], text: string): ListedClaim[] {
  return claims.map((claim) => {
    const { provenance, ...rest } = claim;
    const quote = claim.quote ?? text.slice(claim.start, claim.end);
    if (!provenance) return { ...ROW_DEFAULTS, ...rest, quote };
    return { ...ROW_DEFAULTS, ...TRACE_DEFAULTS, ...rest, quote, provenance: { ...GLANCE_DEFAULTS, ...provenance } };
  });
}
