import { describe, expect, it } from "vitest";
import { scoreAcrossFolds, splitIntoDebateFolds } from "./train";

const sentence = (id: number, isCheckWorthy = false) => ({ id: String(id), text: `Sentence ${id}.`, isCheckWorthy });

describe("splitIntoDebateFolds", () => {
  it("cuts runs of consecutive sentence ids, with a dev sentence in the run of its neighbours", () => {
    // train.tsv rows come shuffled; 25 stands for a dev.tsv sentence of the first debate.
    const data = [30, 10, 41, 20, 50, 60, 25].map((id) => sentence(id));
    const folds = splitIntoDebateFolds(data, 3);
    expect(folds.map((fold) => fold.map((i) => Number(data[i]!.id)).sort((a, b) => a - b))).toEqual([[10, 20, 25], [30, 41], [50, 60]]);
  });
});

describe("scoreAcrossFolds", () => {
  it("scores each fold at the threshold chosen on the other folds, never on its own", () => {
    // Fold 0 would be perfect at 0.55 on its own, but the other folds call for 0.35: its
    // negative at 0.4 is then a false positive.
    const scores = Float64Array.from([0.6, 0.4, 0.3, 0.38, 0.33, 0.2, 0.5, 0.32]);
    const labels = [true, false, true, false, true, false, true, false];
    const folds = [[0, 1], [2, 3, 4, 5], [6, 7]];
    const result = scoreAcrossFolds(scores, labels, folds);
    expect(result.thresholds[0]).toBeLessThan(0.4);
    expect(result.falsePositives).toBeGreaterThanOrEqual(1);
    expect(result.truePositives + result.falseNegatives).toBe(4);
  });
});
