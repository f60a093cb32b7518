import { describe, expect, it } from "vitest";
import { foldForComparison, isSameWording, measureEditDistance, measureSimilarity } from "./similarity";

describe("measureEditDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["", "abc", 3],
    ["same", "same", 0],
    ["prefix-middle-suffix", "prefix-MIDDLE-suffix", 6],
  ])("distance(%j, %j) = %i", (a, b, distance) => {
    expect(measureEditDistance(a, b)).toBe(distance);
    expect(measureEditDistance(b, a)).toBe(distance);
  });

  it("gives the same answer below and above the table limit (diff-match-patch fallback)", () => {
    // The shared ends differ, so the whole string must be compared.
    const small = measureEditDistance(`${"abc".repeat(100)}X`, `X${"abc".repeat(100)}`);
    const large = measureEditDistance(`${"abc".repeat(1000)}X`, `X${"abc".repeat(1000)}`);
    expect([small, large]).toEqual([2, 2]);
  });
});

describe("measureSimilarity", () => {
  it("is 1 for identical strings and falls with edits", () => {
    expect(measureSimilarity("abc", "abc")).toBe(1);
    expect(measureSimilarity("", "")).toBe(1);
    expect(measureSimilarity("abcd", "abXd")).toBe(0.75);
    expect(measureSimilarity("abc", "xyz")).toBe(0);
  });
});

describe("isSameWording", () => {
  it("ignores whitespace, curly quotes, dashes and Unicode form", () => {
    expect(isSameWording("Putin's  army –\nsaid", "Putin\u2019s army - said")).toBe(true);
    expect(isSameWording("Cafe\u0301", "Café")).toBe(true);
    expect(foldForComparison(" \u201Cquoted\u201D ")).toBe('"quoted"');
  });

  it("notices changed words and case", () => {
    expect(isSameWording("private militias", "private armies")).toBe(false);
    expect(isSameWording("Putin", "putin")).toBe(false);
  });
});
