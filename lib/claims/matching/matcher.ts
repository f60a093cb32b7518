import { computeSentenceVector } from "@/lib/claims/suggest/word-vectors";
import { computeIdf, countTerms, extractTerms, scoreBm25, type CorpusStats } from "./lexical";
import { normalizeClaim } from "./normalize";

/**
 * Claim matching: is this new claim one the team already judged? A lexical score (BM25 over
 * stemmed words and word pairs, scaled to about 0..1) and a vector score (cosine of
 * frequency-weighted mean GloVe vectors, which meet paraphrases that share few words) combined
 * with weights chosen on the CheckThat! train/dev sets. docs/decisions/0023-checked-before.md.
 */
export const MATCH_SETTINGS = {
  /** Share of the vector score in the combined score; the lexical score has the rest. */
  vectorWeight: 0.1,
  /** Claims read by the lexical candidate search and re-ranked by the full score. */
  candidateCount: 20,
  /** A term in more than this share of the searched claims does not fetch candidates. */
  commonTermShare: 0.05,
  /** Index rows a candidate search may read: the rarest terms are taken until their counts reach it. */
  postingBudget: 5_000,
  /** The lowest combined score shown to an editor as "checked before" (chosen on dev). */
  showThreshold: 0.25,
  /** The lowest combined score for "same claim as #n" within one article, whose claims share a topic. */
  duplicateThreshold: 0.6,
} as const;

/** A claim ready to be compared: its distinct terms, their counts, its length and vector. */
export type PreparedClaim = {
  terms: ReadonlySet<string>;
  counts: ReadonlyMap<string, number>;
  length: number;
  vector: Float64Array;
};

export type MatchScore = { score: number; lexical: number; vector: number };

/** A word's weight in the sentence vector by its frequency rank: rare words say more. */
function weighWordRank(rank: number): number {
  return Math.log(rank + 2);
}

export function prepareClaim(text: string): PreparedClaim {
  const { words, terms } = normalizeClaim(text);
  const all = extractTerms(terms);
  return {
    terms: new Set(all),
    counts: countTerms(all),
    length: terms.length,
    vector: computeSentenceVector(words, weighWordRank),
  };
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d] * b[d];
  return dot; // both are unit length (or zero)
}

function sumIdf(claim: PreparedClaim, stats: CorpusStats): number {
  let sum = 0;
  for (const term of claim.terms) sum += computeIdf(term, stats);
  return sum;
}

/** How well `candidate` matches `query`, 0 (nothing shared) to about 1 (the same claim). */
export function scoreMatch(query: PreparedClaim, candidate: PreparedClaim, stats: CorpusStats): MatchScore {
  const best = sumIdf(query, stats);
  const lexical = best > 0 ? Math.min(1, scoreBm25(query.terms, candidate, stats) / best) : 0;
  const vector = Math.max(0, cosine(query.vector, candidate.vector));
  const w = MATCH_SETTINGS.vectorWeight;
  return { score: (1 - w) * lexical + w * vector, lexical, vector };
}

/**
 * The query's terms that fetch candidates, each with its idf (what a shared term adds to a
 * candidate's pre-score): the rarest first, none in more than `commonTermShare` of the claims
 * (unless nothing else is left), and no more than `postingBudget` index rows in all (but at least
 * one term), so a search reads a bounded part of the index however large the team's.
 */
export function selectCandidateTerms(query: PreparedClaim, stats: CorpusStats): Map<string, number> {
  const cap = Math.max(1, stats.documentCount * MATCH_SETTINGS.commonTermShare);
  const all = [...query.terms]
    .map((term) => ({ term, df: stats.documentFrequency(term) }))
    .filter(({ df }) => df > 0)
    .sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  const rare = all.filter(({ df }) => df <= cap);
  const chosen: string[] = [];
  let postings = 0;
  for (const { term, df } of rare.length > 0 ? rare : all.slice(0, 1)) {
    if (chosen.length > 0 && postings + df > MATCH_SETTINGS.postingBudget) break;
    chosen.push(term);
    postings += df;
  }
  return new Map(chosen.map((term) => [term, computeIdf(term, stats)]));
}

export type RankedMatch<T> = MatchScore & { item: T };

/** Scores candidates for a query, best first. */
export function rankCandidates<T>(
  query: PreparedClaim,
  candidates: readonly T[],
  textOf: (item: T) => string,
  stats: CorpusStats,
): RankedMatch<T>[] {
  return candidates
    .map((item) => ({ item, ...scoreMatch(query, prepareClaim(textOf(item)), stats) }))
    .sort((a, b) => b.score - a.score);
}
