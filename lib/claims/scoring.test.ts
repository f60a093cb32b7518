import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { measureContextSimilarity, scoreCandidate } from "./scoring";

const text = "The committee said on Tuesday that the budget would pass next week.";
const start = text.indexOf("the budget");
const anchor = createAnchor(text, start, start + "the budget would pass".length);

describe("scoreCandidate", () => {
  it("scores the original place 1", () => {
    expect(scoreCandidate(text, anchor, anchor.position.start, anchor.position.end)).toEqual({
      start: anchor.position.start, end: anchor.position.end, quoteSimilarity: 1, contextSimilarity: 1, score: 1,
    });
  });

  it("weighs the quote three times the context", () => {
    const edited = text.replace("would pass", "would fail");
    const candidate = scoreCandidate(edited, anchor, anchor.position.start, anchor.position.end);
    expect(candidate.contextSimilarity).toBe(1);
    // "pass" to "fail" is three substitutions.
    expect(candidate.quoteSimilarity).toBeCloseTo(1 - 3 / 21, 5);
    expect(candidate.score).toBeCloseTo(0.75 * candidate.quoteSimilarity + 0.25, 5);
  });
});

describe("measureContextSimilarity", () => {
  it("gives full credit at the text edges when the quote had no context there", () => {
    const whole = createAnchor("abc", 0, 3);
    expect(measureContextSimilarity("abc", whole, 0, 3)).toBe(1);
    expect(measureContextSimilarity("xx abc", whole, 3, 6)).toBe(0.75);
  });

  it("falls when the surroundings change", () => {
    const moved = `Unrelated words here: the budget would pass, perhaps.`;
    const at = moved.indexOf("the budget");
    expect(measureContextSimilarity(moved, anchor, at, at + 21)).toBeLessThan(0.5);
  });
});
