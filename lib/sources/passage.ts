import { findApproximateMatch } from "@/lib/claims/approximate-match";
import { foldForComparison } from "@/lib/claims/similarity";

/**
 * exact: every word is there (whitespace, quotes, dashes and Unicode form aside);
 * fuzzy: a close passage scores at least `minScore`; missing: nothing close enough;
 * too_long: the texts are too large to compare approximately (exact was still tried).
 * `closest` is the best passage found in the folded text, for the editor to compare.
 */
export type PassageMatch = {
  kind: "exact" | "fuzzy" | "missing" | "too_long";
  score: number;
  closest: string | null;
};

export type FindPassageOptions = { minScore?: number };

// The alignment costs passage × text cells: 50 million is a fraction of a second.
const MAX_ALIGNMENT_CELLS = 50_000_000;
const DEFAULT_MIN_SCORE = 0.8;
// "...", "[...]", "(...)" after folding (NFKC turns "…" into "..."): an editor's elision.
const ELISION_RE = /\s*[[(]?\s*\.\s*\.\s*\.\s*[\])]?\s*/g;

/**
 * Is a cited passage in a captured page? Elided parts ("a tool [...] against
 * any new mutiny") are allowed: the pieces must appear, in order for an exact
 * match. The fuzzy score (0..1) is 1 minus edits per character, averaged over
 * the pieces by length.
 */
export function findPassage(text: string, passage: string, options: FindPassageOptions = {}): PassageMatch {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const haystack = foldForComparison(text);
  const pieces = foldForComparison(passage).split(ELISION_RE).filter(Boolean);
  if (pieces.length === 0 || !haystack) return { kind: "missing", score: 0, closest: null };
  const exact = findInOrder(haystack, pieces);
  if (exact !== null) return { kind: "exact", score: 1, closest: exact };
  const patternLength = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (patternLength * haystack.length > MAX_ALIGNMENT_CELLS) return { kind: "too_long", score: 0, closest: null };
  let weighted = 0;
  const found: string[] = [];
  for (const piece of pieces) {
    const match = findApproximateMatch(piece, haystack, 0, haystack.length, 0);
    if (!match) continue;
    weighted += Math.max(0, piece.length - match.distance);
    found.push(haystack.slice(match.start, match.end));
  }
  const score = weighted / patternLength;
  return { kind: score >= minScore ? "fuzzy" : "missing", score, closest: found.join(" ... ") || null };
}

/** The span from the first piece to the last, if all pieces occur in order. */
function findInOrder(haystack: string, pieces: readonly string[]): string | null {
  let from = 0;
  let start = -1;
  for (const piece of pieces) {
    const at = haystack.indexOf(piece, from);
    if (at === -1) return null;
    if (start === -1) start = at;
    from = at + piece.length;
  }
  return haystack.slice(start, from);
}
