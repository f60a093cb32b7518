import type { SparseVector } from "./features";
import { minimizeLbfgs } from "./lbfgs";

/** Rows of sparse feature vectors in compressed-row form, for fast repeated passes. */
export type SparseMatrix = { rowStart: Int32Array; indices: Int32Array; values: Float32Array; columns: number };

export type LogisticOptions = {
  /** Inverse L2 strength: larger fits the training data more closely. */
  c: number;
  /** Weight of positive rows relative to negative rows. */
  positiveWeight: number;
  maxIterations: number;
  /** Per-column multipliers (the NB ratios of NBSVM); the returned weights already include them. */
  columnScale?: Float64Array;
};

export type LinearModel = { weights: Float64Array; bias: number };

/** Packs sparse rows into one compressed matrix. */
export function packRows(rows: readonly SparseVector[], columns: number): SparseMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (rowStart[i + 1] = rowStart[i] + row.indices.length));
  const indices = new Int32Array(rowStart[rows.length]);
  const values = new Float32Array(rowStart[rows.length]);
  rows.forEach((row, i) => {
    indices.set(row.indices, rowStart[i]);
    values.set(row.values, rowStart[i]);
  });
  return { rowStart, indices, values, columns };
}

/** Scores every row of a matrix with a linear model (raw logits). */
export function computeLogits(matrix: SparseMatrix, model: LinearModel): Float64Array {
  const rows = matrix.rowStart.length - 1;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = model.bias;
    for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) z += model.weights[matrix.indices[k]] * matrix.values[k];
    out[r] = z;
  }
  return out;
}

/**
 * Fits L2-regularised logistic regression with L-BFGS. Deterministic: no sampling, a fixed
 * iteration order, so the same data gives the same weights on every run.
 */
export function fitLogistic(matrix: SparseMatrix, labels: ArrayLike<boolean>, options: LogisticOptions): LinearModel {
  const dims = matrix.columns + 1; // last slot is the unregularised bias
  const scale = options.columnScale;
  const objective = (theta: Float64Array, grad: Float64Array): number =>
    evaluateObjective(matrix, labels, options, scale, theta, grad);
  const theta = minimizeLbfgs(objective, new Float64Array(dims), options.maxIterations);
  const weights = theta.slice(0, matrix.columns);
  if (scale) for (let j = 0; j < weights.length; j++) weights[j] *= scale[j];
  return { weights, bias: theta[matrix.columns] };
}

function evaluateObjective(
  matrix: SparseMatrix,
  labels: ArrayLike<boolean>,
  options: LogisticOptions,
  scale: Float64Array | undefined,
  theta: Float64Array,
  grad: Float64Array,
): number {
  const { rowStart, indices, values, columns } = matrix;
  let loss = 0;
  grad.fill(0);
  for (let j = 0; j < columns; j++) {
    loss += 0.5 * theta[j] * theta[j];
    grad[j] = theta[j];
  }
  const bias = theta[columns];
  for (let r = 0; r < rowStart.length - 1; r++) {
    let z = bias;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const j = indices[k];
      z += theta[j] * values[k] * (scale ? scale[j] : 1);
    }
    const y = labels[r] ? 1 : -1;
    const weight = options.c * (labels[r] ? options.positiveWeight : 1);
    const margin = y * z;
    loss += weight * (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin)));
    const g = (-y * weight) / (1 + Math.exp(margin));
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const j = indices[k];
      grad[j] += g * values[k] * (scale ? scale[j] : 1);
    }
    grad[columns] += g;
  }
  return loss;
}
