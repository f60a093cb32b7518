import { describe, expect, it } from "vitest";
import { chooseThreshold, scoreAtThreshold } from "./metrics";

describe("scoreAtThreshold", () => {
  it("counts the Yes class", () => {
    const result = scoreAtThreshold([0.9, 0.8, 0.3, 0.1], [true, false, true, false], 0.5);
    expect(result).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 1 });
    expect(result.f1).toBeCloseTo(0.5);
  });
});

describe("chooseThreshold", () => {
  it("finds a threshold that separates separable scores", () => {
    const { threshold, f1 } = chooseThreshold([0.1, 0.2, 0.7, 0.9], [false, false, true, true]);
    expect(f1).toBe(1);
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThanOrEqual(0.7);
  });
});
