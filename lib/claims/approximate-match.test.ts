import { describe, expect, it } from "vitest";
import { findApproximateMatch } from "./approximate-match";

describe("findApproximateMatch", () => {
  const text = "The quick brown fox jumps over the lazy dog near the river bank.";

  it("finds an exact occurrence with distance 0", () => {
    const match = findApproximateMatch("lazy dog", text, 0, text.length, 0);
    expect(match).toEqual({ start: text.indexOf("lazy dog"), end: text.indexOf("lazy dog") + 8, distance: 0 });
  });

  it("finds an edited occurrence and reports the edit distance", () => {
    const match = findApproximateMatch("jumped over the lazy", text, 0, text.length, 0);
    expect(match && text.slice(match.start, match.end)).toBe("jumps over the lazy");
    expect(match?.distance).toBe(2);
  });

  it("aligns patterns far longer than 32 characters", () => {
    const pattern = "quick brown fox leaps over the very lazy dog near the river";
    const match = findApproximateMatch(pattern, text, 0, text.length, 0);
    expect(match && text.slice(match.start, match.end)).toBe("quick brown fox jumps over the lazy dog near the river");
  });

  it("searches only inside the window and breaks ties by nearness", () => {
    const repeated = "abc xyz abc xyz abc";
    expect(findApproximateMatch("abc", repeated, 0, repeated.length, 19)).toMatchObject({ start: 16, end: 19 });
    expect(findApproximateMatch("abc", repeated, 0, repeated.length, 0)).toMatchObject({ start: 0, end: 3 });
    expect(findApproximateMatch("abc", repeated, 5, 14, 0)).toMatchObject({ start: 8, end: 11 });
  });

  it("returns null for an empty pattern or window", () => {
    expect(findApproximateMatch("", text, 0, text.length, 0)).toBeNull();
    expect(findApproximateMatch("abc", text, 10, 10, 0)).toBeNull();
  });
});
