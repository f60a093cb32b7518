import type { CorpusStats } from "./lexical";
import { listIndexTerms } from "./lexical";
import { MATCH_SETTINGS, prepareClaim, rankCandidates, selectCandidateTerms, type RankedMatch } from "./matcher";

/**
 * The matcher over claims held in memory, with the same two steps as the database search
 * (lib/claims/matching/queries.ts): candidates by the summed idf of shared rare terms, then the
 * full score. The evaluation (scripts/eval-matching.ts) and the tests run it.
 */
export type MemoryIndex<T> = { items: T[]; postings: Map<string, number[]>; stats: CorpusStats; textOf: (item: T) => string };

export function buildMemoryIndex<T>(items: T[], textOf: (item: T) => string): MemoryIndex<T> {
  const postings = new Map<string, number[]>();
  let totalLength = 0;
  items.forEach((item, index) => {
    const text = textOf(item);
    totalLength += prepareClaim(text).length;
    for (const term of listIndexTerms(text)) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const stats: CorpusStats = {
    documentCount: items.length,
    averageLength: items.length ? totalLength / items.length : 0,
    documentFrequency: (term) => postings.get(term)?.length ?? 0,
  };
  return { items, postings, stats, textOf };
}

/** The best matches for `text`, best first (at most `MATCH_SETTINGS.candidateCount`). */
export function searchMemoryIndex<T>(index: MemoryIndex<T>, text: string): RankedMatch<T>[] {
  const query = prepareClaim(text);
  const preScores = new Map<number, number>();
  for (const [term, idf] of selectCandidateTerms(query, index.stats)) {
    for (const item of index.postings.get(term) ?? []) preScores.set(item, (preScores.get(item) ?? 0) + idf);
  }
  const candidates = [...preScores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MATCH_SETTINGS.candidateCount)
    .map(([item]) => index.items[item]);
  return rankCandidates(query, candidates, index.textOf, index.stats);
}
