import type { Anchor } from "./anchor";
import { measureSimilarity } from "./similarity";

/** A possible new place for a claim, with how well it fits. */
export type Candidate = {
  start: number;
  end: number;
  quoteSimilarity: number;
  contextSimilarity: number;
  score: number;
};

// The quote itself matters most; context only breaks ties and confirms place.
const QUOTE_WEIGHT = 0.75;

/** Score text[start, end) as the new place of an anchor. */
export function scoreCandidate(text: string, anchor: Anchor, start: number, end: number): Candidate {
  const quoteSimilarity = measureSimilarity(anchor.quote.exact, text.slice(start, end));
  const contextSimilarity = measureContextSimilarity(text, anchor, start, end);
  const score = QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * contextSimilarity;
  return { start, end, quoteSimilarity, contextSimilarity, score };
}

/** How well the text around [start, end) matches the stored prefix and suffix (0..1). */
export function measureContextSimilarity(text: string, anchor: Anchor, start: number, end: number): number {
  const { prefix, suffix } = anchor.quote;
  // An empty prefix means the quote opened the text; half credit if it no longer does.
  const prefixSimilarity = prefix
    ? measureSimilarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
    : start === 0 ? 1 : 0.5;
  const suffixSimilarity = suffix
    ? measureSimilarity(suffix, text.slice(end, end + suffix.length))
    : end === text.length ? 1 : 0.5;
  return (prefixSimilarity + suffixSimilarity) / 2;
}
