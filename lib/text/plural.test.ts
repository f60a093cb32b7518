import { describe, expect, it } from "vitest";
import { countOf, pluralize } from "./plural";

describe("pluralize and countOf", () => {
  it("uses the singular for exactly one and the plural for everything else", () => {
    expect(countOf(1, "citation")).toBe("1 citation");
    expect(countOf(0, "claim")).toBe("0 claims");
    expect(countOf(2, "claim")).toBe("2 claims");
    expect(countOf(1200, "claim")).toBe("1,200 claims");
    expect(pluralize(1, "entry", "entries")).toBe("entry");
    expect(countOf(3, "entry", "entries")).toBe("3 entries");
  });
});
