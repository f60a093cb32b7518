import { countDimensions, extractFeatures } from "./features";
import type { FeatureConfig, SparseVector } from "./features";
import type { LabelledSentence } from "./dataset";
import { encodeModel } from "./encode-model";
import { computeLogits, fitLogistic, packRows } from "./logistic";
import type { LinearModel } from "./logistic";
import { chooseThreshold } from "./metrics";
import { decodeModel, scoreSentence } from "./model";
import type { ModelFile } from "./model";

export type Candidate = { c: number; file: ModelFile; devScores: number[] };

/** Fits one candidate on the training rows and scores dev with the quantised model, as the app will. */
export function fitCandidate(
  train: readonly LabelledSentence[],
  dev: readonly LabelledSentence[],
  features: FeatureConfig,
  c: number,
): Candidate {
  const rows = train.map((row) => extractFeatures(row.text, features));
  const file = encodeModel(fitRows(rows, train, features, c), features, {});
  const model = decodeModel(file);
  return { c, file, devScores: dev.map((row) => scoreSentence(model, row.text)) };
}

/**
 * Chooses the threshold on out-of-fold scores where each fold is a block of consecutive sentence
 * ids (whole debates), so every score comes from a model that never saw that debate. dev.tsv
 * shares debates with train.tsv, and thresholds chosen there were too high for unseen text.
 */
export function chooseUnseenDebateThreshold(
  train: readonly LabelledSentence[],
  features: FeatureConfig,
  c: number,
  folds: number,
): number {
  const rows = train.map((row) => extractFeatures(row.text, features));
  const order = train.map((_, i) => i).sort((a, b) => Number(train[a].id) - Number(train[b].id) || a - b);
  const scores = new Array<number>(train.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const held = new Set(order.filter((_, rank) => Math.floor((rank * folds) / order.length) === k));
    const fitOn = order.filter((i) => !held.has(i)).sort((a, b) => a - b);
    const model = fitRows(fitOn.map((i) => rows[i]), fitOn.map((i) => train[i]), features, c);
    const heldOut = [...held].sort((a, b) => a - b);
    const logits = computeLogits(packRows(heldOut.map((i) => rows[i]), countDimensions(features)), model);
    heldOut.forEach((i, j) => (scores[i] = 1 / (1 + Math.exp(-logits[j]))));
  }
  return chooseThreshold(scores, train.map((row) => row.isCheckWorthy)).threshold;
}

function fitRows(rows: SparseVector[], labelled: readonly LabelledSentence[], features: FeatureConfig, c: number): LinearModel {
  const matrix = packRows(rows, countDimensions(features));
  return fitLogistic(matrix, labelled.map((row) => row.isCheckWorthy), { c, positiveWeight: 1, maxIterations: 300 });
}
