import type { Anchor } from "./anchor";
import { findApproximateMatch } from "./approximate-match";
import { listPassageBounds, snapToWords } from "./passage-bounds";
import { scoreCandidate } from "./scoring";
import type { Candidate } from "./scoring";
import { collectSeeds } from "./seeds";

/**
 * Search for an edited quote: every likely start (see `collectSeeds`) is
 * refined by aligning the whole quote around it (no 32-character limit),
 * and the best-scoring passage wins.
 */
export function searchApproximate(text: string, anchor: Anchor, expectedStart: number): Candidate | null {
  const { exact } = anchor.quote;
  // Room for the passage to have grown or shrunk by about half.
  const slack = Math.min(256, Math.max(32, Math.ceil(exact.length / 2)));
  let best: Candidate | null = null;
  for (const seed of collectSeeds(text, anchor, expectedStart)) {
    const match = findApproximateMatch(exact, text, seed - slack, seed + exact.length + slack, seed + exact.length);
    if (!match || match.end <= match.start) continue;
    const [start, end] = snapToWords(text, anchor, match.start, match.end);
    for (const [boundStart, boundEnd] of listPassageBounds(text, anchor, start, end, slack)) {
      const candidate = scoreCandidate(text, anchor, boundStart, boundEnd);
      if (!best || candidate.score > best.score) best = candidate;
    }
  }
  return best;
}
