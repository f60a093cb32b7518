import { countDimensions, extractFeatures } from "./features";
import type { FeatureConfig, SparseVector } from "./features";
import type { LabelledSentence } from "./dataset";
import { encodeModel } from "./encode-model";
import { computeLogits, fitLogistic, packRows } from "./logistic";
import type { LinearModel } from "./logistic";
import { chooseThreshold, scoreAtThreshold, type BinaryScores } from "./metrics";
import type { ModelFile } from "./model";

/** Labelled sentences with their feature vectors, extracted once for every fit. */
export type Prepared = { data: readonly LabelledSentence[]; rows: SparseVector[]; features: FeatureConfig };

export function prepare(data: readonly LabelledSentence[], features: FeatureConfig): Prepared {
  return { data, rows: data.map((row) => extractFeatures(row.text, features)), features };
}

/**
 * Splits the sentences into folds of consecutive sentence ids. ClaimBuster numbers the sentences
 * of one debate consecutively, so a fold is a run of whole debates (cut at most at its two edges),
 * and a model fitted on the other folds never saw those debates. dev.tsv is a random sample of
 * the same debates as train.tsv: merged with it, its sentences fall in their debate's fold.
 */
export function splitIntoDebateFolds(data: readonly LabelledSentence[], folds: number): number[][] {
  const order = data.map((_, i) => i).sort((a, b) => Number(data[a].id) - Number(data[b].id) || a - b);
  const split: number[][] = Array.from({ length: folds }, () => []);
  order.forEach((index, rank) => split[Math.floor((rank * folds) / order.length)].push(index));
  return split.map((fold) => fold.sort((a, b) => a - b));
}

/** Every sentence's probability from the model fitted on the other folds (out-of-fold scores). */
export function scoreUnseenDebates(prepared: Prepared, folds: number[][], c: number): Float64Array {
  const scores = new Float64Array(prepared.data.length);
  for (const held of folds) {
    const heldSet = new Set(held);
    const fitOn = prepared.data.map((_, i) => i).filter((i) => !heldSet.has(i));
    const model = fitRows(prepared, fitOn, c);
    const logits = computeLogits(packRows(held.map((i) => prepared.rows[i]), countDimensions(prepared.features)), model);
    held.forEach((i, j) => (scores[i] = 1 / (1 + Math.exp(-logits[j]))));
  }
  return scores;
}

/**
 * F1 on unseen debates with nothing chosen on them: each fold is scored at the threshold that is
 * best on the other folds' out-of-fold scores, and the counts of all folds are pooled.
 */
export function scoreAcrossFolds(scores: Float64Array, labels: readonly boolean[], folds: number[][]): BinaryScores & { thresholds: number[] } {
  const totals = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
  const thresholds: number[] = [];
  for (const held of folds) {
    const heldSet = new Set(held);
    const others = labels.map((_, i) => i).filter((i) => !heldSet.has(i));
    const threshold = chooseThreshold(others.map((i) => scores[i]), others.map((i) => labels[i])).threshold;
    thresholds.push(threshold);
    const counts = scoreAtThreshold(held.map((i) => scores[i]), held.map((i) => labels[i]), threshold);
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += counts[key];
  }
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = totals;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...totals, precision, recall, f1, thresholds };
}

/** Fits on every prepared sentence and quantises, as the app will use it. */
export function fitFinalModel(prepared: Prepared, c: number, notes: Record<string, unknown>): ModelFile {
  return encodeModel(fitRows(prepared, prepared.data.map((_, i) => i), c), prepared.features, notes);
}

function fitRows(prepared: Prepared, indices: number[], c: number): LinearModel {
  const matrix = packRows(indices.map((i) => prepared.rows[i]), countDimensions(prepared.features));
  return fitLogistic(matrix, indices.map((i) => prepared.data[i].isCheckWorthy), { c, positiveWeight: 1, maxIterations: 300 });
}
