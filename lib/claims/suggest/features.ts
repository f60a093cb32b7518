import { CUES } from "./cues";
import { hashCharNgrams, hashWordNgrams } from "./ngrams";
import { normalizeText } from "./normalize";
import { tokenize } from "./tokens";
import { computeSentenceVector, countVectorDimensions } from "./word-vectors";

export { describeReasons } from "./reasons";

/** How a sentence becomes a sparse vector; stored in the model file so training and use agree. */
export type FeatureConfig = {
  hashBits: number;
  wordNgrams: number;
  charMin: number;
  charMax: number;
  /** Scale of each family after its own L2 normalisation. */
  wordWeight: number;
  charWeight: number;
  cueWeight: number;
  /** Scale of the sentence's unit mean word vector (0 leaves the word vectors out). */
  vectorWeight: number;
};

/** Indices ascending and unique. */
export type SparseVector = { indices: Int32Array; values: Float32Array };

/** Number of hand-written slots (cues and length) that follow the hashed space. */
export const DENSE_SLOTS = CUES.length + 3;

/** Total length of a weight vector for this configuration. */
export function countDimensions(config: FeatureConfig): number {
  return (1 << config.hashBits) + DENSE_SLOTS + (config.vectorWeight > 0 ? countVectorDimensions() : 0);
}

/** Turns one sentence into hashed word and character n-grams, cue slots and a word-vector block. */
export function extractFeatures(sentence: string, config: FeatureConfig): SparseVector {
  const text = normalizeText(sentence);
  const mask = (1 << config.hashBits) - 1;
  const tokens = tokenize(text);
  const words = hashWordNgrams(tokens, config.wordNgrams, mask);
  const chars = config.charWeight > 0 ? hashCharNgrams(text, config.charMin, config.charMax, mask) : new Int32Array(0);
  const dense = computeDense(sentence, tokens, config);
  const size = words.length + chars.length + dense.length;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let n = mergeFamilies(words, computeFamilyScale(words, config.wordWeight), chars, computeFamilyScale(chars, config.charWeight), indices, values);
  const base = 1 << config.hashBits;
  for (let i = 0; i < dense.length; i++) {
    if (dense[i] === 0) continue;
    indices[n] = base + i;
    values[n++] = dense[i];
  }
  return { indices: indices.slice(0, n), values: values.slice(0, n) };
}

// Each family is L2-normalised on its own so long sentences do not dominate and no family
// drowns the others.
function computeFamilyScale(family: Int32Array, weight: number): number {
  return family.length > 0 ? weight / Math.sqrt(family.length) : 0;
}

// Two sorted families into one sorted vector; a shared bucket gets the sum of both values.
function mergeFamilies(a: Int32Array, va: number, b: Int32Array, vb: number, indices: Int32Array, values: Float32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    let value = 0;
    if (i < a.length && a[i] === next) {
      value += va;
      i++;
    }
    if (j < b.length && b[j] === next) {
      value += vb;
      j++;
    }
    indices[n] = next;
    values[n++] = value;
  }
  return n;
}

function computeDense(sentence: string, tokens: readonly string[], config: FeatureConfig): number[] {
  const cues = CUES.map((cue) => (cue.find(sentence) === null ? 0 : 1));
  const count = tokens.length;
  const lengths = [Math.log1p(count) / 4, count <= 5 ? 1 : 0, count >= 30 ? 1 : 0];
  const dense = [...cues, ...lengths].map((v) => v * config.cueWeight);
  if (config.vectorWeight > 0) {
    for (const v of computeSentenceVector(tokens)) dense.push(v * config.vectorWeight);
  }
  return dense;
}
