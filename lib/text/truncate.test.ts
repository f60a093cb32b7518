import { describe, expect, it } from "vitest";
import { abbreviate, isInsidePair, toCharBoundary, truncate } from "./truncate";

describe("truncate", () => {
  it("keeps text that fits, and cuts plain text at the limit", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("abcdef", 3)).toBe("abc");
  });

  it("steps back before an emoji the limit would cut in half", () => {
    const text = `${"a".repeat(199)}😀 more`;
    expect(truncate(text, 200)).toBe("a".repeat(199));
    expect(truncate(text, 201)).toBe(`${"a".repeat(199)}😀`);
    expect(truncate(text, 200).isWellFormed()).toBe(true);
  });
});

describe("isInsidePair and toCharBoundary", () => {
  it("find the middle of a pair only", () => {
    const text = "x😀y";
    expect([0, 1, 2, 3, 4].map((at) => isInsidePair(text, at))).toEqual([false, false, true, false, false]);
    expect(toCharBoundary(text, 2, 1)).toBe(3);
    expect(toCharBoundary(text, 2, -1)).toBe(1);
    expect(toCharBoundary(text, 3, -1)).toBe(3);
  });

  it("leave a lone surrogate's neighbours alone", () => {
    expect(isInsidePair("a\uDC00b", 1)).toBe(false);
    expect(isInsidePair("a\uD800b", 2)).toBe(false);
  });
});

describe("abbreviate", () => {
  it("ends a shortened text with an ellipsis, never after half an emoji", () => {
    expect(abbreviate("fits", 10)).toBe("fits");
    expect(abbreviate("one two three", 8)).toBe("one two…");
    expect(abbreviate(`${"a".repeat(58)}😀 and more`, 60)).toBe(`${"a".repeat(58)}…`);
  });
});
