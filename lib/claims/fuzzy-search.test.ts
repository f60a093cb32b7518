import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { searchApproximate } from "./fuzzy-search";

const text = "Intro sentence here. Officials confirmed that the new bill raises the draft age for the Russian military. Outro.";
const quote = "the new bill raises the draft age for the Russian military";
const anchor = createAnchor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

describe("searchApproximate", () => {
  it("finds an edited long quote and returns its full new extent", () => {
    const edited = `Prepended. ${text.replace("raises the draft age", "lifts the conscription age")}`;
    const found = searchApproximate(edited, anchor, anchor.position.start);
    expect(found && edited.slice(found.start, found.end)).toBe("the new bill lifts the conscription age for the Russian military");
    expect(found?.contextSimilarity).toBeGreaterThan(0.9);
  });

  it("returns a poor candidate when the passage is gone", () => {
    const found = searchApproximate("Intro sentence here. Outro.", anchor, anchor.position.start);
    expect(found?.score ?? 0).toBeLessThan(0.6);
  });

  it("returns null for an empty text", () => {
    expect(searchApproximate("", anchor, 0)).toBeNull();
  });
});
