export type BinaryCounts = { truePositives: number; falsePositives: number; falseNegatives: number; trueNegatives: number };
export type BinaryScores = BinaryCounts & { precision: number; recall: number; f1: number };

/** Precision, recall and F1 of the positive ("Yes") class at one threshold. */
export function scoreAtThreshold(scores: ArrayLike<number>, labels: ArrayLike<boolean>, threshold: number): BinaryScores {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i] >= threshold;
    if (predicted && labels[i]) counts.truePositives++;
    else if (predicted) counts.falsePositives++;
    else if (labels[i]) counts.falseNegatives++;
    else counts.trueNegatives++;
  }
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/**
 * Finds the threshold with the best F1; ties go to the middle of the best plateau so the
 * choice does not sit on the edge of one lucky sentence.
 */
export function chooseThreshold(scores: ArrayLike<number>, labels: ArrayLike<boolean>): { threshold: number; f1: number } {
  const sorted = Array.from(new Set(Array.from(scores))).sort((a, b) => a - b);
  const candidates = sorted.map((s, i) => (i === 0 ? s : (s + sorted[i - 1]) / 2));
  let bestF1 = -1;
  let best: number[] = [];
  for (const threshold of candidates) {
    const { f1 } = scoreAtThreshold(scores, labels, threshold);
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = [threshold];
    } else if (Math.abs(f1 - bestF1) <= 1e-12) best.push(threshold);
  }
  return { threshold: best[Math.floor((best.length - 1) / 2)] ?? 0.5, f1: bestF1 };
}
