import { describe, expect, it } from "vitest";
import { findParagraphIndex, highlightSegments, splitParagraphs } from "./paragraphs";

const TEXT = "First paragraph here.\n\nSecond one,\nwith a line break.\n \n\n  Third.\n";

describe("splitParagraphs", () => {
  it("splits on blank lines and reports offsets into the full text", () => {
    const paragraphs = splitParagraphs(TEXT);
    expect(paragraphs.map((p) => p.text)).toEqual(["First paragraph here.", "Second one,\nwith a line break.", "Third."]);
    for (const p of paragraphs) expect(TEXT.slice(p.start, p.end)).toBe(p.text);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it("returns nothing for blank text", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n \n")).toEqual([]);
  });
});

describe("findParagraphIndex", () => {
  const paragraphs = splitParagraphs(TEXT);

  it("finds the paragraph holding an offset", () => {
    expect(findParagraphIndex(paragraphs, 0)).toBe(0);
    expect(findParagraphIndex(paragraphs, TEXT.indexOf("with"))).toBe(1);
    expect(findParagraphIndex(paragraphs, TEXT.indexOf("Third"))).toBe(2);
  });

  it("maps offsets in a gap to the next paragraph and past the end to -1", () => {
    expect(findParagraphIndex(paragraphs, TEXT.indexOf("\n\n"))).toBe(1);
    expect(findParagraphIndex(paragraphs, TEXT.length)).toBe(-1);
  });
});

describe("highlightSegments", () => {
  const text = "Alpha beta gamma delta epsilon.";
  const paragraph = { start: 100, end: 100 + text.length, text };
  const at = (word: string): number => 100 + text.indexOf(word);

  it("returns one plain segment when no claim touches the paragraph", () => {
    expect(highlightSegments(paragraph, [{ id: "x", start: 0, end: 50 }])).toEqual([
      { start: 100, end: 131, text, claimIds: [] },
    ]);
  });

  it("cuts overlapping claims into segments listing every covering claim", () => {
    const segments = highlightSegments(paragraph, [
      { id: "b", start: at("gamma"), end: at("epsilon") },
      { id: "a", start: at("beta"), end: at("delta") },
    ]);
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([
      ["Alpha ", []],
      ["beta ", ["a"]],
      ["gamma ", ["a", "b"]],
      ["delta ", ["b"]],
      ["epsilon.", []],
    ]);
  });

  it("lists the outer claim first for nested claims, and joins segments back to the text", () => {
    const segments = highlightSegments(paragraph, [
      { id: 2, start: at("gamma"), end: at("gamma") + 5 },
      { id: 1, start: at("Alpha"), end: at("epsilon") },
    ]);
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([
      ["Alpha beta ", [1]],
      ["gamma", [1, 2]],
      [" delta ", [1]],
      ["epsilon.", []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("clips claims spilling over the paragraph and skips empty ones", () => {
    const segments = highlightSegments(paragraph, [
      { id: "before", start: 50, end: at("beta") },
      { id: "after", start: at("epsilon"), end: 500 },
      { id: "empty", start: at("delta"), end: at("delta") },
      { id: "reversed", start: at("delta"), end: at("beta") },
    ]);
    expect(segments.map((s) => [s.text, s.claimIds])).toEqual([
      ["Alpha ", ["before"]],
      ["beta gamma delta ", []],
      ["epsilon.", ["after"]],
    ]);
  });

  it("keeps identical ranges as one segment with both ids in input order", () => {
    const segments = highlightSegments(paragraph, [
      { id: "x", start: at("beta"), end: at("gamma") },
      { id: "y", start: at("beta"), end: at("gamma") },
    ]);
    expect(segments[1]).toEqual({ start: at("beta"), end: at("gamma"), text: "beta ", claimIds: ["x", "y"] });
  });
});
