import { describe, expect, it } from "vitest";
import { buildSourceItems } from "./source-listbox";

const beast = { id: "s1", name: "The Daily Beast", kind: "outlet" as const, domains: ["thedailybeast.com"] };

describe("buildSourceItems", () => {
  it("offers to create the typed name when no suggestion is that name", () => {
    expect(buildSourceItems("Daily", [beast])).toEqual([{ kind: "source", option: beast }, { kind: "create", name: "Daily" }]);
  });

  it("does not offer to create a name the registry has (case aside)", () => {
    expect(buildSourceItems("  the daily beast ", [beast])).toEqual([{ kind: "source", option: beast }]);
  });

  it("needs two characters before offering a new source", () => {
    expect(buildSourceItems("D", [])).toEqual([]);
    expect(buildSourceItems("", [beast])).toEqual([{ kind: "source", option: beast }]);
  });
});
