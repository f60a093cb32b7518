import { describe, expect, it } from "vitest";
import { computeLogits, fitLogistic, packRows } from "./logistic";

function row(indices: number[]) {
  return { indices: Int32Array.from(indices), values: Float32Array.from(indices, () => 1) };
}

describe("fitLogistic", () => {
  const matrix = packRows([row([0]), row([0, 2]), row([1]), row([1, 2])], 3);
  const labels = [true, true, false, false];

  it("learns which column marks the positive rows", () => {
    const model = fitLogistic(matrix, labels, { c: 10, positiveWeight: 1, maxIterations: 100 });
    const logits = computeLogits(matrix, model);
    expect(logits[0]).toBeGreaterThan(0);
    expect(logits[2]).toBeLessThan(0);
    expect(model.weights[0]).toBeGreaterThan(model.weights[2]);
  });

  it("is deterministic and shrinks weights as C falls", () => {
    const a = fitLogistic(matrix, labels, { c: 1, positiveWeight: 1, maxIterations: 100 });
    const b = fitLogistic(matrix, labels, { c: 1, positiveWeight: 1, maxIterations: 100 });
    const strong = fitLogistic(matrix, labels, { c: 0.01, positiveWeight: 1, maxIterations: 100 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Math.abs(strong.weights[0])).toBeLessThan(Math.abs(a.weights[0]));
  });
});
