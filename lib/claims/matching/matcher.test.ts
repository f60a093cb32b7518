import { describe, expect, it } from "vitest";
import sample from "./fixtures/checkthat-sample.json";
import { computeAveragePrecisionAt } from "@/scripts/claims/matching-data";
import { MATCH_SETTINGS, prepareClaim, scoreMatch } from "./matcher";
import { buildMemoryIndex, searchMemoryIndex } from "./memory-index";

const judged = [
  "Unemployment rose by 5% in 2023, the highest rise in a decade.",
  "The government spent $3m on a new logo for the ministry.",
  "One thousand migrants crossed the Channel on a single day in August.",
  "Wind turbines kill more birds than cats do.",
  "The mayor said the new tram line will open in 2027.",
];
const index = buildMemoryIndex(judged, (text) => text);

describe("searchMemoryIndex", () => {
  it.each([
    ["unemployment went up five percent in 2023, highest in ten years", 0],
    ["Ministry paid 3 million dollars for its new logo", 1],
    ["1,000 migrants crossed the channel in one day", 2],
    ["Cats kill fewer birds than wind turbines", 3],
  ])("finds the judged claim behind a paraphrase: %s", (query, expected) => {
    const [best] = searchMemoryIndex(index, query);
    expect(best.item).toBe(judged[expected]);
    expect(best.score).toBeGreaterThanOrEqual(MATCH_SETTINGS.showThreshold);
  });

  it("shows nothing for an unrelated claim", () => {
    const matches = searchMemoryIndex(index, "The football club signed a striker from Brazil.");
    expect(matches.filter((match) => match.score >= MATCH_SETTINGS.showThreshold)).toEqual([]);
  });

  it("ranks the CheckThat! sample's verified claims (dev split) as the evaluation does", () => {
    const sampleIndex = buildMemoryIndex(sample.claims, (claim) => claim.text);
    const precisions = sample.queries.map((query) =>
      computeAveragePrecisionAt(searchMemoryIndex(sampleIndex, query.text).map((m) => m.item.id), new Set(query.relevant), 5),
    );
    const map = precisions.reduce((a, b) => a + b, 0) / precisions.length;
    // 12 dev queries against their claims and the claims that competed with them in the full set
    // (term statistics from these 30 claims only, so lower than the full set's 0.85).
    expect(map).toBeGreaterThanOrEqual(0.75);
  });
});

describe("scoreMatch", () => {
  const stats = buildMemoryIndex(judged, (text) => text).stats;

  it("gives the same claim about 1 and stays within 0..1", () => {
    const claim = prepareClaim(judged[0]);
    const same = scoreMatch(claim, claim, stats);
    expect(same.score).toBeGreaterThan(MATCH_SETTINGS.duplicateThreshold);
    expect(same.score).toBeLessThanOrEqual(1);
  });

  it("lets the vector score raise a paraphrase above an unrelated claim with the same word overlap", () => {
    const query = prepareClaim("Jobless numbers climbed sharply");
    const paraphrase = scoreMatch(query, prepareClaim("Unemployment increased steeply"), stats);
    const unrelated = scoreMatch(query, prepareClaim("Tram tickets are sold online"), stats);
    expect(paraphrase.lexical).toBe(0);
    expect(paraphrase.vector).toBeGreaterThan(unrelated.vector);
  });
});

describe("computeAveragePrecisionAt", () => {
  it("counts precision at each relevant rank within k over all relevant claims", () => {
    expect(computeAveragePrecisionAt(["a", "b"], new Set(["a"]), 5)).toBe(1);
    expect(computeAveragePrecisionAt(["x", "a"], new Set(["a"]), 5)).toBe(0.5);
    expect(computeAveragePrecisionAt(["x", "a", "y", "b"], new Set(["a", "b"]), 5)).toBe((1 / 2 + 2 / 4) / 2);
    expect(computeAveragePrecisionAt(["1", "2", "3", "4", "5", "a"], new Set(["a"]), 5)).toBe(0);
  });
});
