// npx tsx scripts/claims/tune-matching.ts - how the matcher's weights were chosen: MAP@5 on train and
// on dev for each vector weight and candidate count (never on dev-test). docs/decisions/0023.
import { buildMemoryIndex } from "../../lib/claims/matching/memory-index";
import { prepareClaim, scoreMatch, selectCandidateTerms } from "../../lib/claims/matching/matcher";
import { computeAveragePrecisionAt, readQrels, readQueries, readVerifiedClaims } from "./matching-data";
import { matchingTextOf } from "./matching-text";

const claims = readVerifiedClaims();
const queries = readQueries("train-dev-queries.tsv");
const sets = { train: readQrels("train-qrels.tsv"), dev: readQrels("dev-qrels.tsv") };
const index = buildMemoryIndex(claims, matchingTextOf);
const prepared = new Map<number, ReturnType<typeof prepareClaim>>();
const preparedOf = (i: number) => prepared.get(i) ?? prepared.set(i, prepareClaim(matchingTextOf(claims[i]))).get(i)!;

type Scored = { id: string; pre: number; lexical: number; vector: number };
const perQuery = new Map<string, Scored[]>();
for (const query of queries) {
  const q = prepareClaim(query.text);
  const pre = new Map<number, number>();
  for (const [term, idf] of selectCandidateTerms(q, index.stats)) for (const i of index.postings.get(term) ?? []) pre.set(i, (pre.get(i) ?? 0) + idf);
  const top = [...pre.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 200);
  perQuery.set(query.id, top.map(([i, p]) => ({ id: claims[i].id, pre: p, ...scoreMatch(q, preparedOf(i), index.stats) })));
}
for (const k of [20, 50, 100, 200]) {
  for (const w of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
    const line = Object.entries(sets).map(([name, qrels]) => {
      let sum = 0;
      for (const [id, relevant] of qrels) {
        const ranked = (perQuery.get(id) ?? []).slice(0, k).map((s) => ({ id: s.id, score: (1 - w) * s.lexical + w * s.vector })).sort((a, b) => b.score - a.score).map((s) => s.id);
        sum += computeAveragePrecisionAt(ranked, relevant, 5);
      }
      return `${name} ${(sum / qrels.size).toFixed(4)}`;
    });
    console.log(`K ${k} w ${w}: ${line.join("  ")}`);
  }
}

// The threshold: on dev, the top match's score when it is right (should be shown) against the top
// score once the right claims are taken out of the collection (a near miss: should not be shown).
const w = 0.1;
const shown: number[] = [];
const misses: number[] = [];
for (const [id, relevant] of sets.dev) {
  const ranked = (perQuery.get(id) ?? []).slice(0, 50).map((s) => ({ id: s.id, score: (1 - w) * s.lexical + w * s.vector })).sort((a, b) => b.score - a.score);
  if (ranked[0] && relevant.has(ranked[0].id)) shown.push(ranked[0].score);
  const other = ranked.find((s) => !relevant.has(s.id));
  if (other) misses.push(other.score);
}
for (let t = 0.2; t <= 0.701; t += 0.05) {
  const tp = shown.filter((s) => s >= t).length;
  const fp = misses.filter((s) => s >= t).length;
  console.log(`threshold ${t.toFixed(2)}: right matches shown ${tp}/${shown.length}, near misses shown ${fp}/${misses.length}, precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}`);
}
