// npm run train:claims - fits the claim check-worthiness model on train.tsv, picks C on dev.tsv,
// the threshold on unseen-debate folds of train.tsv, and writes
// lib/claims/suggest/check-worthiness-model.json (same bytes on every run).
import { writeFileSync } from "node:fs";
import { roundTo } from "../lib/claims/suggest/encode-model";
import type { FeatureConfig } from "../lib/claims/suggest/features";
import { chooseThreshold, scoreAtThreshold } from "../lib/claims/suggest/metrics";
import { chooseUnseenDebateThreshold, fitCandidate } from "../lib/claims/suggest/train";
import type { Candidate } from "../lib/claims/suggest/train";
import { MODEL_PATH, readLabelledFile } from "./claims/data";

const FEATURES: FeatureConfig = {
  hashBits: 18, wordNgrams: 3, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, cueWeight: 1, vectorWeight: 1,
};
const C_GRID = [1, 3, 10];
const FOLDS = 4;

const started = Date.now();
const train = readLabelledFile("train.tsv");
const dev = readLabelledFile("dev.tsv");
const devLabels = dev.map((row) => row.isCheckWorthy);
let best: (Candidate & { devF1: number }) | null = null;
for (const c of C_GRID) {
  const candidate = fitCandidate(train, dev, FEATURES, c);
  // Threshold-free choice of C: its best dev F1 over all thresholds.
  const devF1 = chooseThreshold(candidate.devScores, devLabels).f1;
  console.log(`C=${c}: best dev F1 ${devF1.toFixed(4)}`);
  if (!best || devF1 > best.devF1) best = { ...candidate, devF1 }; // ties keep the stronger regularisation
}
if (!best) throw new Error("No candidate was fitted");
const threshold = roundTo(chooseUnseenDebateThreshold(train, FEATURES, best.c, FOLDS), 4);
const dev_ = scoreAtThreshold(best.devScores, devLabels, threshold);
const file = {
  ...best.file,
  threshold,
  notes: {
    data: "CLEF CheckThat! 2024 Task 1 English (ClaimBuster set, Arslan et al. 2020; Hasanain et al. 2024)",
    fitting: `L2 logistic regression on train.tsv; C chosen on dev.tsv; threshold = best F1 on ${FOLDS} unseen-debate folds of train.tsv`,
    c: best.c,
    dev: { f1: round(dev_.f1), precision: round(dev_.precision), recall: round(dev_.recall) },
  },
};
writeFileSync(MODEL_PATH, `${JSON.stringify(file, null, 1)}\n`);
console.log(`C=${best.c}, threshold ${threshold}: dev F1 ${dev_.f1.toFixed(4)} (P ${dev_.precision.toFixed(4)}, R ${dev_.recall.toFixed(4)})`);
console.log(`Wrote ${MODEL_PATH} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
