import { readPassages, type SkipReason } from "./article";
import { scoreSentence } from "./model";
import { getShippedModel } from "./shipped-model";
import type { CheckWorthinessModel } from "./model";
import { describeReasons } from "./reasons";

/** One passage of the input (a sentence, or a quote over several), scored for check-worthiness. */
export type Suggestion = {
  /** Character offsets into the input: `text.slice(start, end) === sentence`. */
  start: number;
  end: number;
  sentence: string;
  /** Model probability (0..1) that the passage is a check-worthy factual claim: its best sentence's. */
  score: number;
  /** `score` at or above the threshold shipped with the model, and not skipped. */
  isCheckWorthy: boolean;
  /** Why the passage is never suggested (a caption, a question...), or null. */
  skipped: SkipReason | null;
  /** Why it is suggested, for the editor; empty when it is not (reading names costs time). */
  reasons: string[];
};

/**
 * Reads an article into passages and ranks them, most check-worthy first (ties keep text
 * order). Every passage is returned so the editor can also pick one the model missed.
 */
export function suggestClaims(text: string, model: CheckWorthinessModel = getShippedModel()): Suggestion[] {
  const suggestions = readPassages(text).map((passage) => {
    // A quote over several sentences is as check-worthy as its most check-worthy sentence: the
    // model was trained on single sentences.
    const score = Math.max(...passage.sentences.map((sentence) => scoreSentence(model, sentence.text)));
    const isCheckWorthy = passage.skip === null && score >= model.threshold;
    return {
      start: passage.start,
      end: passage.end,
      sentence: passage.text,
      score,
      isCheckWorthy,
      skipped: passage.skip,
      reasons: isCheckWorthy ? describeReasons(passage.text) : [],
    };
  });
  return suggestions.sort((a, b) => b.score - a.score || a.start - b.start);
}
