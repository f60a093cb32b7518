import { describe, expect, it } from "vitest";
import { foldText, parseQuery, toFts5Query, toTsQuery, wordsOf } from "./query";

describe("parseQuery", () => {
  it("folds case and accents and cuts words at anything that is not a letter or digit", () => {
    expect(foldText("L'ÉCOLE Ça")).toBe("l'ecole ca");
    expect(wordsOf("«Wagner» l’école 3.5 snake_case 50%")).toEqual(["wagner", "l", "ecole", "3", "5", "snake", "case", "50"]);
  });

  it("makes the last word a prefix while it is being typed, not once a space or quote follows it", () => {
    expect(parseQuery("wagner merc")).toEqual({ kind: "terms", terms: [{ words: ["wagner"], prefix: false }, { words: ["merc"], prefix: true }] });
    expect(parseQuery("wagner merc ")).toEqual({ kind: "terms", terms: [{ words: ["wagner"], prefix: false }, { words: ["merc"], prefix: false }] });
    expect(parseQuery('"private army"')).toEqual({ kind: "terms", terms: [{ words: ["private", "army"], prefix: false }] });
    expect(parseQuery("50%")).toEqual({ kind: "terms", terms: [{ words: ["50"], prefix: false }] });
  });

  it("reads quotes as phrases, an unclosed one to the end, and punctuated chunks as phrases", () => {
    expect(parseQuery('putin "private armies" law')).toEqual({
      kind: "terms",
      terms: [{ words: ["putin"], prefix: false }, { words: ["private", "armies"], prefix: false }, { words: ["law"], prefix: true }],
    });
    expect(parseQuery("“private arm")).toEqual({ kind: "terms", terms: [{ words: ["private", "arm"], prefix: false }] });
    expect(parseQuery("snake_case")).toEqual({ kind: "terms", terms: [{ words: ["snake", "case"], prefix: true }] });
  });

  it("tells an empty query from one of punctuation only", () => {
    expect(parseQuery("  ")).toEqual({ kind: "empty" });
    expect(parseQuery("%_ -- ; ' \" * ()")).toEqual({ kind: "no-words" });
  });

  it("writes queries with no syntax of the user's in them", () => {
    const parsed = parseQuery(`a* OR "b c" NEAR(d) -e:f merc`);
    if (parsed.kind !== "terms") throw new Error(parsed.kind);
    expect(toFts5Query(parsed.terms)).toBe('"a" "or" "b c" "near d" "e f" "merc" *');
    expect(toTsQuery(parsed.terms)).toBe("a & or & (b <-> c) & (near <-> d) & (e <-> f) & merc:*");
  });
});
