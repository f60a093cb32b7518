import { describe, expect, it } from "vitest";
import { describeFigureChange, diffWords, hasChanges, listFigureChanges, tokenize } from "./passage-diff";

describe("diffWords", () => {
  it("replaces a changed figure whole, never part of it", () => {
    const parts = diffWords("The ministry counted 94 new units in 2024.", "The ministry counted 107 new units in 2024.");
    expect(parts).toEqual([
      { kind: "same", text: "The ministry counted " },
      { kind: "removed", text: "94" },
      { kind: "added", text: "107" },
      { kind: "same", text: " new units in 2024." },
    ]);
    expect(listFigureChanges(parts).map(describeFigureChange)).toEqual(["94 → 107"]);
  });

  it("keeps figures with separators, decimals and percent signs as one token", () => {
    expect(tokenize("1,250.5% of 3.2")).toEqual(["1,250.5%", " ", "of", " ", "3.2"]);
    const parts = diffWords("rose by 1,250 to 3.5%", "rose by 1,260 to 3.5%");
    expect(listFigureChanges(parts)).toEqual([{ from: "1,250", to: "1,260" }]);
  });

  it("shows removed and added words, and figures that only appear or disappear", () => {
    const parts = diffWords("about 40 militias formed", "militias formed in 12 regions");
    expect(parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["about 40"]);
    expect(parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual(["in 12 regions"]);
    expect(listFigureChanges(parts).map(describeFigureChange)).toEqual(["40 removed", "12 added"]);
  });

  it("finds nothing to show in the same wording", () => {
    const parts = diffWords("The bill passed.", "The bill passed.");
    expect(hasChanges(parts)).toBe(false);
    expect(listFigureChanges(parts)).toEqual([]);
  });

  it("rebuilds both texts from the parts", () => {
    const before = "Putin’s “special enterprises” were noted in 3 bills; 94 units.";
    const after = "Putin’s enterprises were noted in 4 bills — 107 units, officials said.";
    const parts = diffWords(before, after);
    expect(parts.filter((part) => part.kind !== "added").map((part) => part.text).join("")).toBe(before);
    expect(parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).toBe(after);
  });
});
