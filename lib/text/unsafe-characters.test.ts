import { describe, expect, it } from "vitest";
import { hasUnsafeCharacters, stripUnsafeCharacters, stripUnsafeCharactersDeep } from "./unsafe-characters";

describe("stripUnsafeCharacters", () => {
  it("drops NUL and the other controls but keeps tab and newline, and unifies line breaks", () => {
    expect(stripUnsafeCharacters("a\u0000b\u0007c\td\ne\u001Bf\u007Fg\u0085h\u009Fi")).toBe("abc\td\nefghi");
    expect(stripUnsafeCharacters("one\r\ntwo\rthree\u000Bfour\u000Cfive")).toBe("one\ntwo\nthree\nfour\nfive");
  });

  it("drops every bidi embedding, override and isolate control", () => {
    const controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    expect(stripUnsafeCharacters(`The claim is ${controls}eslaf`)).toBe("The claim is eslaf");
    expect(hasUnsafeCharacters("\u202Eevil")).toBe(true);
  });

  it("leaves Arabic and Hebrew, the direction marks and emoji as they are", () => {
    const rightToLeft = "قال الوزير إن الميزانية ارتفعت بنسبة 5% · השר אמר שהתקציב גדל \u200F(5%)\u200E · \u061C · 👩‍🔬";
    expect(stripUnsafeCharacters(rightToLeft)).toBe(rightToLeft);
    expect(hasUnsafeCharacters(rightToLeft)).toBe(false);
  });

  it("cleans strings inside arrays and objects, keeping the keys it is told to", () => {
    const input = { statement: "x\u0000y", ids: ["a\u202Eb"], nested: { note: "\u2066n\u2069" }, count: 3, password: "p\u0000w" };
    expect(stripUnsafeCharactersDeep(input, (key) => key === "password")).toEqual({ statement: "xy", ids: ["ab"], nested: { note: "n" }, count: 3, password: "p\u0000w" });
  });
});
