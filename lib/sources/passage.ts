import { findApproximateMatch } from "@/lib/claims/approximate-match";
import { dmp } from "@/lib/claims/dmp";
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
 * A passage or a found wording with every elision written " … ", so that a cited "[...]" and the
 * " ... " joining the pieces of a match compare as the same.
 */
export function markElisions(text: string): string {
  return foldForComparison(text).split(ELISION_RE).filter(Boolean).join(" … ");
}

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
    const { start, end } = widenToWords(haystack, piece, match);
    const wording = haystack.slice(start, end);
    const distance = start === match.start && end === match.end ? match.distance : dmp.diff_levenshtein(dmp.diff_main(piece, wording, false));
    weighted += Math.max(0, piece.length - distance);
    found.push(wording);
  }
  const score = weighted / patternLength;
  return { kind: score >= minScore ? "fuzzy" : "missing", score, closest: found.join(" ... ") || null };
}

const isWordUnit = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);
// Writing without spaces between words (Chinese, Japanese, Thai) would widen to a whole run.
const MAX_WIDENING = 24;

const FIGURE_AT_END_RE = /\d+(?:[.,]\d+)*%?$/;
const FIGURE_AT_START_RE = /^\d+(?:[.,]\d+)*%?/;

/**
 * The closest alignment may end or begin inside a word ("was 94" aligns with "was 10" of
 * "was 107"), or leave out a figure it would have to replace ("was " costs as little as
 * "was 10"). The match is widened to whole words, and to the figure beside it when the passage
 * has a figure at that edge, so the page's wording is never shown cut ("1|07") and a changed
 * figure is scored as the edit it is.
 */
function widenToWords(text: string, piece: string, match: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = match;
  const [earliest, latest] = [Math.max(0, start - MAX_WIDENING), Math.min(text.length, end + MAX_WIDENING)];
  while (start > earliest && start < end && isWordUnit(text[start - 1]) && isWordUnit(text[start])) start -= 1;
  while (end < latest && end > start && isWordUnit(text[end - 1]) && isWordUnit(text[end])) end += 1;
  if (FIGURE_AT_END_RE.test(piece) && !FIGURE_AT_END_RE.test(text.slice(start, end))) {
    const next = /^ ?(\d+(?:[.,]\d+)*%?)/.exec(text.slice(end, latest));
    if (next) end += next[0].length;
  }
  if (FIGURE_AT_START_RE.test(piece) && !FIGURE_AT_START_RE.test(text.slice(start, end))) {
    const previous = /(\d+(?:[.,]\d+)*%?) ?$/.exec(text.slice(earliest, start));
    if (previous) start -= previous[0].length;
  }
  return { start, end };
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
