import { describe, expect, it } from "vitest";
import { buildClaimReviewRating, checkRatingOrder, defineVerdict, DEFAULT_VERDICTS, isVerdict, labelVerdict, VERDICTS } from "./verdicts";
import type { TeamVerdictLabels } from "./verdicts";

describe("verdict defaults", () => {
  it("rates on a 1-5 scale, higher meaning more true, in a consistent order", () => {
    const values = ["false", "misleading", "unsubstantiated", "accurate"].map(
      (verdict) => DEFAULT_VERDICTS[verdict as keyof typeof DEFAULT_VERDICTS].ratingValue,
    );
    expect(values).toEqual([1, 2, 3, 5]);
    expect(DEFAULT_VERDICTS.not_checkable.ratingValue).toBeNull();
  });

  it("gives every verdict a label, a public name and a meaning", () => {
    for (const verdict of VERDICTS) {
      const definition = DEFAULT_VERDICTS[verdict];
      expect(definition.label).not.toBe("");
      expect(definition.alternateName).not.toBe("");
      expect(definition.meaning.length).toBeGreaterThan(20);
    }
  });

  it("recognises verdicts", () => {
    expect(isVerdict("accurate")).toBe(true);
    expect(isVerdict("true")).toBe(false);
    expect(isVerdict(5)).toBe(false);
  });
});

describe("team labels", () => {
  const labels: TeamVerdictLabels = {
    accurate: { label: "Correct" },
    false: { label: "Wrong", alternateName: "False" },
    misleading: { label: "   " },
  };

  it("rename labels, and the public name with them unless set apart", () => {
    expect(labelVerdict("accurate", labels)).toBe("Correct");
    expect(defineVerdict("accurate", labels)).toMatchObject({ label: "Correct", alternateName: "Correct", ratingValue: 5 });
    expect(defineVerdict("false", labels)).toMatchObject({ label: "Wrong", alternateName: "False", ratingValue: 1 });
  });

  it("ignore blank overrides", () => {
    expect(labelVerdict("misleading", labels)).toBe("Misleading");
    expect(labelVerdict("misleading", null)).toBe("Misleading");
  });

  it("never change a meaning, nor a rating that breaks 'higher means more true', even if stored settings try to", () => {
    const sneaky = { accurate: { label: "Correct", ratingValue: 1, meaning: "Anything" } } as unknown as TeamVerdictLabels;
    expect(checkRatingOrder(sneaky)).toMatch(/‘False’ must be rated below/);
    expect(defineVerdict("accurate", sneaky)).toEqual({ ...DEFAULT_VERDICTS.accurate, label: "Correct", alternateName: "Correct" });
    expect(checkRatingOrder({ misleading: { ratingValue: 2.5 } })).toMatch(/whole numbers/);
    expect(checkRatingOrder({ unsubstantiated: { ratingValue: 5 } })).toMatch(/‘Accurate’ must be rated above/);
  });

  it("use the team's numbers when they keep the order", () => {
    const scale: TeamVerdictLabels = { misleading: { ratingValue: 3 }, unsubstantiated: { ratingValue: 2 }, not_checkable: { ratingValue: 4 } };
    expect(checkRatingOrder(scale)).toBeNull();
    expect(defineVerdict("misleading", scale).ratingValue).toBe(3);
    expect(defineVerdict("unsubstantiated", scale).ratingValue).toBe(2);
    expect(defineVerdict("not_checkable", scale).ratingValue).toBeNull();
  });
});

describe("buildClaimReviewRating", () => {
  it("gives a numeric rating with its scale", () => {
    expect(buildClaimReviewRating("misleading")).toEqual({
      "@type": "Rating",
      alternateName: "Misleading",
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
    });
  });

  it("rates 'not checkable' by name only", () => {
    expect(buildClaimReviewRating("not_checkable", { not_checkable: { label: "Opinion" } })).toEqual({
      "@type": "Rating",
      alternateName: "Opinion",
    });
  });
});
