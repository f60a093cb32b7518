import type { FeatureConfig } from "./features";
import type { LinearModel } from "./logistic";
import type { ModelFile } from "./model";

const INT16_MAX = 32767;

/**
 * Quantises a fitted linear model to int16 weights in base64 (a quarter of the size of JSON
 * numbers, and byte-identical across runs); the threshold is set separately once the
 * quantised model has been scored on dev.
 */
export function encodeModel(model: LinearModel, features: FeatureConfig, notes: Record<string, unknown>): ModelFile {
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const weightScale = roundTo(maxAbs > 0 ? maxAbs / INT16_MAX : 1, 10);
  const bytes = new Uint8Array(model.weights.length * 2);
  const view = new DataView(bytes.buffer);
  model.weights.forEach((w, i) => view.setInt16(i * 2, clampInt16(Math.round(w / weightScale)), true));
  return {
    format: "check-worthiness-linear/1",
    features,
    threshold: 0.5,
    bias: roundTo(model.bias, 6),
    weightScale,
    weights: encodeBase64(bytes),
    notes,
  };
}

/** Rounds to a fixed number of significant digits so the JSON is stable and short. */
export function roundTo(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

function clampInt16(value: number): number {
  return Math.max(-INT16_MAX, Math.min(INT16_MAX, value));
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
