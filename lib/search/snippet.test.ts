import { describe, expect, it } from "vitest";
import { parseQuery, type SearchTerm } from "./query";
import { buildSnippet } from "./snippet";

const termsOf = (query: string): SearchTerm[] => {
  const parsed = parseQuery(query);
  if (parsed.kind !== "terms") throw new Error(parsed.kind);
  return parsed.terms;
};
const marked = (text: string, query: string) => buildSnippet(text, termsOf(query))?.filter((part) => part.isMatch).map((part) => part.text) ?? null;

describe("buildSnippet", () => {
  it("marks the words as they are written, accents, case and decomposed letters included", () => {
    expect(marked("L'ÉCOLE et l'école", "ecole")).toEqual(["ÉCOLE", "école"]);
    expect(marked("Cafe\u0301 noir", "café")).toEqual(["Cafe\u0301"]);
    expect(marked("Mercenaries and mercantile", "merc")).toEqual(["Mercenaries", "mercantile"]);
    expect(marked("private armies, armies private", '"private armies"')).toEqual(["private armies"]);
    expect(marked("nothing here", "wagner")).toBeNull();
  });

  it("keeps the text around the first match in a long text, cut at words", () => {
    const text = `${"word ".repeat(200)}the Wagner group ${"tail ".repeat(200)}`;
    const parts = buildSnippet(text, termsOf("wagner"))!;
    expect(parts[0]).toEqual({ text: "…", isMatch: false });
    expect(parts.at(-1)).toEqual({ text: "…", isMatch: false });
    expect(parts.find((part) => part.isMatch)?.text).toBe("Wagner");
    expect(parts.map((part) => part.text).join("").length).toBeLessThan(260);
  });

  it("finds the match in a text of megabytes", () => {
    const text = `${"filler ".repeat(300_000)}Prigozhin spoke ${"filler ".repeat(10)}`;
    const started = performance.now();
    expect(buildSnippet(text, termsOf("prigozhin"))?.find((part) => part.isMatch)?.text).toBe("Prigozhin");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
