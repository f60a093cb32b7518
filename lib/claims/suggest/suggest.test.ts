import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { getShippedModel } from "./shipped-model";
import { suggestClaims } from "./suggest";

const article = readFileSync(resolve(process.cwd(), "prisma/fixtures/putin-private-armies.txt"), "utf8");

function rankOf(suggestions: ReturnType<typeof suggestClaims>, prefix: string): number {
  const index = suggestions.findIndex((s) => s.sentence.startsWith(prefix));
  if (index < 0) throw new Error(`No sentence starts with ${prefix}`);
  return index;
}

describe("suggestClaims", () => {
  const suggestions = suggestClaims(article);

  it("returns every sentence with exact offsets, ranked by score", () => {
    expect(suggestions).toHaveLength(26);
    for (const s of suggestions) expect(article.slice(s.start, s.end)).toBe(s.sentence);
    for (let i = 1; i < suggestions.length; i++) expect(suggestions[i].score).toBeLessThanOrEqual(suggestions[i - 1].score);
    for (const s of suggestions) expect(s.isCheckWorthy).toBe(s.skipped === null && s.score >= getShippedModel().threshold);
    // The headline (a line without closing punctuation) scores high but is not a claim.
    const headline = suggestions[rankOf(suggestions, "Putin is forming mysterious private armies")];
    expect(headline).toMatchObject({ isCheckWorthy: false, skipped: "label" });
  });

  it("ranks factual sentences above boilerplate", () => {
    const rostov = rankOf(suggestions, "Fighters from the group met little resistance");
    expect(rostov).toBeLessThan(rankOf(suggestions, "Read the original article on Business Insider"));
    expect(rostov).toBeLessThan(rankOf(suggestions, "Please try again later."));
    expect(suggestions[rostov].isCheckWorthy).toBe(true);
    expect(suggestions[rostov].reasons).toContain("names a date (June 23)");
  });

  it("explains an attributed statement", () => {
    const kartapolov = suggestions[rankOf(suggestions, "The move is aimed at countering sabotage")];
    expect(kartapolov.reasons).toContain("attributed (according to)");
    expect(kartapolov.reasons).toContain("names a person (Andrey Kartapolov)");
  });

  it("handles empty and whitespace-only input", () => {
    expect(suggestClaims("")).toEqual([]);
    expect(suggestClaims(" \n\n \t")).toEqual([]);
  });

  it("scores a 10,000-word article quickly", () => {
    const repeats = Math.ceil(10_000 / article.split(/\s+/).length);
    const text = Array.from({ length: repeats }, () => article).join("\n\n");
    suggestClaims(text.slice(0, 2000)); // the model and word vectors are decoded on first use
    const started = performance.now();
    const result = suggestClaims(text);
    const elapsed = performance.now() - started;
    expect(result.length).toBeGreaterThan(500);
    // The budget is 300 ms; the margin keeps a busy CI machine from failing the build.
    expect(elapsed).toBeLessThan(1000);
  });
});
