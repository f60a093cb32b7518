import { describe, expect, it } from "vitest";
import { createAnchor, reanchorAll, resolveAnchor } from "./anchor";
import type { Anchor } from "./anchor";

/** Deterministic PRNG (mulberry32) so the timing run is reproducible. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildArticle(random: () => number, wordCount: number): string {
  const syllables = ["ka", "ro", "mi", "sen", "tal", "vor", "di", "na", "ple", "strom", "ig", "ux", "be", "ran", "co", "lit"];
  const vocabulary = Array.from({ length: 800 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(""),
  );
  const paragraphs: string[] = [];
  let words: string[] = [];
  for (let i = 0; i < wordCount; i += 1) {
    words.push(vocabulary[Math.floor(random() * vocabulary.length)] as string);
    if (random() < 0.07) words[words.length - 1] += ".";
    if (words.length >= 40 + Math.floor(random() * 40)) {
      paragraphs.push(`${words.join(" ")}.`);
      words = [];
    }
  }
  if (words.length) paragraphs.push(`${words.join(" ")}.`);
  return paragraphs.join("\n\n");
}

function pickClaims(random: () => number, text: string, count: number): Anchor[] {
  const wordStarts = [...text.matchAll(/\S+/g)].map((match) => match.index);
  return Array.from({ length: count }, () => {
    const first = Math.floor(random() * (wordStarts.length - 40));
    const length = 3 + Math.floor(random() * 30);
    const start = wordStarts[first] as number;
    const end = (wordStarts[first + length] as number) - 1;
    return createAnchor(text, start, end);
  });
}

describe("reanchorAll timing", () => {
  it("re-anchors 1,000 claims in a 10,000-word article well within budget", { timeout: 30_000 }, () => {
    const random = createRandom(42);
    const oldText = buildArticle(random, 10_000);
    const anchors = pickClaims(random, oldText, 1_000);
    // Edits: new paragraphs at the top and in the middle, a few words changed, a sentence deleted.
    let newText = `A new opening paragraph added by the editor.\n\n${oldText}`;
    const middle = newText.indexOf("\n\n", newText.length / 2);
    newText = `${newText.slice(0, middle)}\n\nAn inserted paragraph in the middle of the piece.${newText.slice(middle)}`;
    for (const anchor of anchors.slice(0, 20)) {
      const words = anchor.quote.exact.split(" ");
      if (words.length < 6) continue;
      const edited = [...words.slice(0, 3), "EDITED", ...words.slice(4)].join(" ");
      newText = newText.replace(anchor.quote.exact, edited);
    }
    const deleted = anchors[500]?.quote.exact ?? "";
    newText = newText.replace(deleted, "");

    const startedAt = performance.now();
    const results = reanchorAll(oldText, newText, anchors);
    const elapsed = performance.now() - startedAt;

    const startedOne = performance.now();
    for (const anchor of anchors) resolveAnchor(newText, anchor);
    const elapsedOneByOne = performance.now() - startedOne;

    const counts: Record<string, number> = {};
    for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
    console.log(
      `reanchorAll: ${oldText.split(/\s+/).length} words, ${anchors.length} claims in ${elapsed.toFixed(0)} ms; ` +
        `resolveAnchor one by one: ${elapsedOneByOne.toFixed(0)} ms; statuses ${JSON.stringify(counts)}`,
    );

    expect(results).toHaveLength(1_000);
    expect(elapsed).toBeLessThan(5_000);
    // Every claim the edits did not touch is still found verbatim.
    const touched = new Set(anchors.slice(0, 20).map((anchor) => anchor.quote.exact));
    results.forEach((result, i) => {
      const anchor = anchors[i] as Anchor;
      if (newText.includes(anchor.quote.exact) && !touched.has(anchor.quote.exact)) {
        expect(result.exact).toBe(anchor.quote.exact);
      }
      if (result.status !== "lost") expect(newText.slice(result.start, result.end)).toBe(result.exact);
    });
    expect(counts.changed ?? 0).toBeGreaterThanOrEqual(10);
  });
});
