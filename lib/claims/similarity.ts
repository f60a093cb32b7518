import { dmp } from "./dmp";

// Above this many DP cells the O(n·m) table is too slow; diff-match-patch's
// O((n+m)·d) diff, bounded by its timeout, takes over.
const MAX_TABLE_CELLS = 4_000_000;

/** 1 minus the Levenshtein distance over the longer length: 1 is identical, 0 unrelated. */
export function measureSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return Math.max(0, 1 - measureEditDistance(a, b) / longest);
}

/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 units). */
export function measureEditDistance(a: string, b: string): number {
  // Shared ends cost nothing; trimming them makes near-identical passages cheap.
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)
  ) {
    tail += 1;
  }
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0 || y.length === 0) return x.length + y.length;
  if (x.length * y.length > MAX_TABLE_CELLS) return dmp.diff_levenshtein(dmp.diff_main(x, y, false));
  const row = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j += 1) row[j] = j;
  for (let i = 1; i <= x.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    const char = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j += 1) {
      const above = row[j] as number;
      const substitution = diagonal + (char === y.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(substitution, above + 1, (row[j - 1] as number) + 1);
      diagonal = above;
    }
  }
  return row[y.length] as number;
}

/**
 * Fold what an editor would not call a change of wording: whitespace runs,
 * typographic quotes and dashes, Unicode form.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when two passages differ only in whitespace or typography. */
export function isSameWording(a: string, b: string): boolean {
  return foldForComparison(a) === foldForComparison(b);
}
