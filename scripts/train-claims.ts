// npm run train:claims - fits the claim check-worthiness model and writes
// lib/claims/suggest/check-worthiness-model.json (same bytes on every run). Everything is chosen
// by cross-validation grouped by debate on train.tsv + dev.tsv (folds of consecutive sentence
// ids: a model is always scored on debates it never saw): C by the cross-fold F1, the threshold
// as the best F1 on all out-of-fold scores. dev-test.tsv is not read here: score it once with
// `npm run eval:claims`. About 10 minutes of CPU (5 fits per C, then the final fit).
import { writeFileSync } from "node:fs";
import { roundTo } from "../lib/claims/suggest/encode-model";
import type { FeatureConfig } from "../lib/claims/suggest/features";
import { chooseThreshold } from "../lib/claims/suggest/metrics";
import { fitFinalModel, prepare, scoreAcrossFolds, scoreUnseenDebates, splitIntoDebateFolds } from "../lib/claims/suggest/train";
import { MODEL_PATH, readLabelledFile } from "./claims/data";

const FEATURES: FeatureConfig = {
  hashBits: 18, wordNgrams: 3, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, cueWeight: 1, vectorWeight: 1,
};
const C_GRID = (process.env.CLAIMS_C_GRID ?? "0.3,1,3").split(",").map(Number);
const FOLDS = 5;

const started = Date.now();
const data = [...readLabelledFile("train.tsv"), ...readLabelledFile("dev.tsv")];
const labels = data.map((row) => row.isCheckWorthy);
const prepared = prepare(data, FEATURES);
const folds = splitIntoDebateFolds(data, FOLDS);
let best: { c: number; scores: Float64Array; f1: number; precision: number; recall: number } | null = null;
for (const c of C_GRID) {
  const scores = scoreUnseenDebates(prepared, folds, c);
  const across = scoreAcrossFolds(scores, labels, folds);
  console.log(
    `C=${c}: grouped ${FOLDS}-fold F1 ${across.f1.toFixed(4)} (P ${across.precision.toFixed(4)}, R ${across.recall.toFixed(4)}; ` +
      `thresholds ${across.thresholds.map((t) => t.toFixed(3)).join(" ")}) after ${elapsed()} s`,
  );
  if (!best || across.f1 > best.f1) best = { c, scores, f1: across.f1, precision: across.precision, recall: across.recall };
}
if (!best) throw new Error("No C was tried");
const threshold = roundTo(chooseThreshold(best.scores, labels).threshold, 4);
const file = {
  ...fitFinalModel(prepared, best.c, {}),
  threshold,
  notes: {
    data: "CLEF CheckThat! 2024 Task 1 English train.tsv + dev.tsv (ClaimBuster set, Arslan et al. 2020; Hasanain et al. 2024)",
    fitting: `L2 logistic regression on train.tsv + dev.tsv; C and threshold chosen by ${FOLDS}-fold cross-validation grouped by debate (consecutive sentence ids)`,
    c: best.c,
    groupedCv: { f1: round(best.f1), precision: round(best.precision), recall: round(best.recall) },
  },
};
writeFileSync(MODEL_PATH, `${JSON.stringify(file, null, 1)}\n`);
console.log(`C=${best.c}, threshold ${threshold}: expected F1 on unseen debates ${best.f1.toFixed(4)}`);
console.log(`Wrote ${MODEL_PATH} in ${elapsed()} s`);

function elapsed(): string {
  return ((Date.now() - started) / 1000).toFixed(0);
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
