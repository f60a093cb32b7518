import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPassage } from "./passage";

const article = readFileSync(path.resolve(import.meta.dirname, "../../prisma/fixtures/putin-private-armies.txt"), "utf8");

describe("findPassage", () => {
  it("finds a passage exactly, whatever the whitespace and quote marks", () => {
    const match = findPassage(article, "The Daily Beast\n  first reported on the amendments.");
    expect(match).toEqual({ kind: "exact", score: 1, closest: "The Daily Beast first reported on the amendments." });
    expect(findPassage("Putin's “special enterprises” – new", "Putin’s \"special enterprises\" - new").kind).toBe("exact");
  });

  it("accepts elisions when the pieces appear in order", () => {
    const quote = "They are a tool to enhance security [...] and can, as necessary, help against any new mutiny";
    const match = findPassage(article, quote);
    expect(match.kind).toBe("exact");
    expect(match.closest).toMatch(/^They are a tool .* any new mutiny$/);
    expect(findPassage(article, "help against any new mutiny … They are a tool").kind).not.toBe("exact");
  });

  it("scores a lightly edited quote as fuzzy", () => {
    const edited = "Putin is forming a network of mysterious private military companies throughout Russia";
    const match = findPassage(article, edited);
    expect(match.kind).toBe("fuzzy");
    expect(match.score).toBeGreaterThan(0.85);
    expect(match.score).toBeLessThan(1);
    expect(match.closest).toContain("private military companies across Russia");
  });

  it("counts a change of case as an edit, not as the same wording", () => {
    expect(findPassage(article, "the daily beast first reported on the amendments.").kind).toBe("fuzzy");
  });

  it("reports a passage that is not there as missing, with its closest text", () => {
    const match = findPassage(article, "The Kremlin denied any plan to create regional militias.");
    expect(match.kind).toBe("missing");
    expect(match.score).toBeLessThan(0.8);
    expect(typeof match.closest).toBe("string");
  });

  it("honours a stricter threshold", () => {
    const edited = "Putin is forming a network of mysterious private military companies throughout Russia";
    expect(findPassage(article, edited, { minScore: 0.99 }).kind).toBe("missing");
  });

  it("treats empty passages and pages as missing", () => {
    expect(findPassage(article, "   ")).toEqual({ kind: "missing", score: 0, closest: null });
    expect(findPassage("", "anything")).toEqual({ kind: "missing", score: 0, closest: null });
  });

  it("declines to align a huge passage against a huge page, after trying an exact match", () => {
    const page = "word ".repeat(100_000);
    expect(findPassage(page, `${"word ".repeat(50)}`).kind).toBe("exact");
    expect(findPassage(page, `${"drow ".repeat(100)}`)).toEqual({ kind: "too_long", score: 0, closest: null });
  });

  it("widens an approximate match to whole words, so a changed figure is never cut", () => {
    const page = "Officials said the total was 107 million units by the end of the year, and more were planned.";
    const match = findPassage(page, "Officials said the total was 94");
    expect(match.closest).toBe("Officials said the total was 107");
    // Scored on the whole figure: three edits, not the two of "was 10".
    expect(match.score).toBeCloseTo((31 - 3) / 31, 5);
    const inside = findPassage("Officials said the total was 1940 units.", "the total was 94 units");
    expect(inside.closest).toBe("the total was 1940 units");
  });
});
