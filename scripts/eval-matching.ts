// npm run eval:matching [-- QUERIES.tsv QRELS.tsv] - scores the shipped matcher (lib/claims/matching)
// against the CheckThat! 2022 Task 2A verified claims, on dev-test or the given pair; the last line
// is "MAP@5 <value>". docs/decisions/0023-checked-before.md.
import { buildMemoryIndex, searchMemoryIndex } from "../lib/claims/matching/memory-index";
import { computeAveragePrecisionAt, readQrels, readQueries, readVerifiedClaims } from "./claims/matching-data";
import { matchingTextOf } from "./claims/matching-text";

const queriesFile = process.argv[2] ?? "dev-test-queries.tsv";
const qrelsFile = process.argv[3] ?? "dev-test-qrels.tsv";

const claims = readVerifiedClaims();
const qrels = readQrels(qrelsFile);
const queries = readQueries(queriesFile).filter((query) => qrels.has(query.id));
const started = performance.now();
const index = buildMemoryIndex(claims, matchingTextOf);
const indexed = performance.now();
let sum = 0;
let foundAt1 = 0;
for (const query of queries) {
  const ranked = searchMemoryIndex(index, query.text).map((match) => match.item.id);
  const relevant = qrels.get(query.id)!;
  sum += computeAveragePrecisionAt(ranked, relevant, 5);
  if (relevant.has(ranked[0])) foundAt1 += 1;
}
const searched = performance.now();
console.log(`${queriesFile}: ${queries.length} queries against ${claims.length} verified claims`);
console.log(`indexed in ${Math.round(indexed - started)} ms; ${((searched - indexed) / queries.length).toFixed(1)} ms per query`);
console.log(`precision@1 ${(foundAt1 / queries.length).toFixed(4)}`);
console.log(`MAP@5 ${(sum / queries.length).toFixed(4)}`);
