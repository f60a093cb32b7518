import { scoreSentence } from "./model";
import { getShippedModel } from "./shipped-model";
import type { CheckWorthinessModel } from "./model";
import { describeReasons } from "./reasons";
import { segmentSentences } from "./segment";

/** One sentence of the input, scored for check-worthiness. */
export type Suggestion = {
  /** Character offsets into the input: `text.slice(start, end) === sentence`. */
  start: number;
  end: number;
  sentence: string;
  /** Model probability (0..1) that the sentence is a check-worthy factual claim. */
  score: number;
  /** `score` at or above the threshold shipped with the model. */
  isCheckWorthy: boolean;
  reasons: string[];
};

/**
 * Splits an article into sentences and ranks them, most check-worthy first (ties keep text
 * order). Every sentence is returned so the editor can also pick one the model missed.
 */
export function suggestClaims(text: string, model: CheckWorthinessModel = getShippedModel()): Suggestion[] {
  const suggestions = segmentSentences(text).map((segment) => {
    const score = scoreSentence(model, segment.text);
    return {
      start: segment.start,
      end: segment.end,
      sentence: segment.text,
      score,
      isCheckWorthy: score >= model.threshold,
      reasons: describeReasons(segment.text),
    };
  });
  return suggestions.sort((a, b) => b.score - a.score || a.start - b.start);
}
