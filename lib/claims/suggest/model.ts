import { countDimensions, extractFeatures } from "./features";
import type { FeatureConfig } from "./features";

/** The model file as written by `npm run train:claims`. */
export type ModelFile = {
  format: "check-worthiness-linear/1";
  features: FeatureConfig;
  /** Probability at or above which a sentence is called check-worthy (chosen by grouped cross-validation). */
  threshold: number;
  bias: number;
  /** Weights are int16 (little-endian, base64); real weight = stored value * weightScale. */
  weightScale: number;
  weights: string;
  notes: Record<string, unknown>;
};

/** A decoded model ready for scoring. */
export type CheckWorthinessModel = {
  features: FeatureConfig;
  threshold: number;
  bias: number;
  weights: Float32Array;
};

/** Validates and decodes a model file (throws on a file from another format or version). */
export function decodeModel(file: ModelFile): CheckWorthinessModel {
  if (file.format !== "check-worthiness-linear/1") throw new Error(`Unknown model format: ${String(file.format)}`);
  const bytes = decodeBase64(file.weights);
  const dims = countDimensions(file.features);
  if (bytes.length !== dims * 2) throw new Error(`Model has ${bytes.length / 2} weights, expected ${dims}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(dims);
  for (let i = 0; i < dims; i++) weights[i] = view.getInt16(i * 2, true) * file.weightScale;
  return { features: file.features, threshold: file.threshold, bias: file.bias, weights };
}

/** Probability (0..1) that a sentence is a check-worthy factual claim. */
export function scoreSentence(model: CheckWorthinessModel, sentence: string): number {
  const { indices, values } = extractFeatures(sentence, model.features);
  let logit = model.bias;
  for (let k = 0; k < indices.length; k++) logit += model.weights[indices[k]] * values[k];
  return 1 / (1 + Math.exp(-logit));
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
