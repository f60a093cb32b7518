import { describe, expect, it } from "vitest";
import { summariseText } from "./excerpt";

describe("summariseText", () => {
  it("skips short heading-like paragraphs", () => {
    const body = "A threat from within\n\nThe move is aimed at countering sabotage and internal threats, according to the committee chairman.";
    expect(summariseText(body)).toBe(
      "The move is aimed at countering sabotage and internal threats, according to the committee chairman.",
    );
  });

  it("falls back to the first paragraph and to null for empty text", () => {
    expect(summariseText("Short.\n\nAlso short.")).toBe("Short.");
    expect(summariseText("  \n\n ")).toBeNull();
  });

  it("cuts long paragraphs at a word boundary with an ellipsis", () => {
    const long = "word ".repeat(100).trim();
    const excerpt = summariseText(long) ?? "";
    expect(excerpt.endsWith("word…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(301);
  });
});
