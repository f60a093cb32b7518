import { describe, expect, it } from "vitest";
import { DENSE_SLOTS, countDimensions, describeReasons, extractFeatures } from "./features";
import type { FeatureConfig } from "./features";

const CONFIG: FeatureConfig = { hashBits: 16, wordNgrams: 3, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, cueWeight: 1, vectorWeight: 1 };

describe("extractFeatures", () => {
  it("returns sorted unique indices inside the weight vector", () => {
    const { indices, values } = extractFeatures("Unemployment fell to 3.5% in June 2023, the lowest since 1969.", CONFIG);
    expect(indices.length).toBe(values.length);
    for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1]);
    expect(indices[indices.length - 1]).toBeLessThan(countDimensions(CONFIG));
  });

  it("treats typographic and ASCII punctuation alike", () => {
    const curly = extractFeatures("“We won’t stop,” she said — twice.", CONFIG);
    const ascii = extractFeatures('"We won\'t stop," she said - twice.', CONFIG);
    expect(Array.from(curly.indices)).toEqual(Array.from(ascii.indices));
  });

  it("sets the figure and question cue slots", () => {
    const base = 1 << CONFIG.hashBits;
    const figure = extractFeatures("It costs $40 billion.", CONFIG).indices;
    const question = extractFeatures("Why is it on the ballot?", CONFIG).indices;
    expect(figure).toContain(base);
    expect(question).not.toContain(base);
    expect(question).toContain(base + DENSE_SLOTS - 4);
  });
});

describe("describeReasons", () => {
  it("explains figures, dates, names and attribution", () => {
    const reasons = describeReasons(
      "Fighters seized Rostov-on-Don on June 23 and 3.5% of units joined, according to Andrey Kartapolov.",
    );
    expect(reasons).toContain("contains a figure (3.5%)");
    expect(reasons).toContain("names a date (June 23)");
    expect(reasons).toContain("names a person (Andrey Kartapolov)");
    expect(reasons).toContain("names a place (Rostov-on-Don)");
    expect(reasons).toContain("attributed (according to)");
  });

  it("gives the same answer whatever was described before", () => {
    const sentence = "They met on June 23 and 3.5% of units joined.";
    const first = describeReasons(sentence);
    describeReasons("It happened in March 2020, on Monday.");
    expect(describeReasons(sentence)).toEqual(first);
    expect(first).toContain("contains a figure (3.5%)");
  });

  it("lists opinion markers and questions after the supporting cues", () => {
    expect(describeReasons("I think we can win 5 states?")).toEqual([
      "contains a figure (5)",
      "opinion marker (I think)",
      "question",
    ]);
  });
});
