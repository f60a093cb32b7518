import { normalizeClaim } from "./normalize";

/**
 * The lexical half of the matcher: Okapi BM25 over a claim's stemmed words and the pairs of
 * neighbouring words (a pair such as "mask_mandat" is rarer, hence more telling, than its words).
 */

/** How often each term occurs in the set of claims searched; the set's size and mean length. */
export type CorpusStats = {
  documentCount: number;
  averageLength: number;
  documentFrequency: (term: string) => number;
};

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** The terms of a claim's stemmed words: each word, and each pair of neighbours joined by "_". */
export function extractTerms(words: readonly string[]): string[] {
  const terms = [...words];
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]}_${words[i]}`);
  return terms;
}

/**
 * The terms under which a claim is filed for candidate search (and counted in `CorpusStats`).
 * Kept apart from the matcher's vectors, so the index writer (store.ts) loads no word vectors.
 */
export function listIndexTerms(text: string): string[] {
  return [...new Set(extractTerms(normalizeClaim(text).terms))];
}

/** Occurrences of each term. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Below this many claims, idf is reckoned as if there were this many: in a team's first few
 * judged claims every known word looks common and every unknown word rare (with one claim, a word
 * it lacks would weigh five times one it has), which would hide the match that is there.
 */
const MIN_COLLECTION = 1_000;

/** BM25's idf, never negative (a term in more than half the claims still counts a little). */
export function computeIdf(term: string, stats: CorpusStats): number {
  const df = stats.documentFrequency(term);
  const count = Math.max(stats.documentCount, MIN_COLLECTION);
  return Math.log(1 + (count - df + 0.5) / (df + 0.5));
}

/** BM25 of one claim (its term counts and word count) for a query's distinct terms. */
export function scoreBm25(
  queryTerms: ReadonlySet<string>,
  document: { counts: ReadonlyMap<string, number>; length: number },
  stats: CorpusStats,
): number {
  const lengthFactor = 1 - B + (B * document.length) / Math.max(1, stats.averageLength);
  let score = 0;
  for (const term of queryTerms) {
    const tf = document.counts.get(term);
    if (!tf) continue;
    score += (computeIdf(term, stats) * tf * (K1 + 1)) / (tf + K1 * lengthFactor);
  }
  return score;
}
