import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise";

describe("normaliseText", () => {
  it("unifies line endings and collapses blank-line runs", () => {
    expect(normaliseText("a\r\nb\r\rc\n\n\n\nd")).toBe("a\nb\n\nc\n\nd");
  });

  it("trims trailing spaces but keeps leading indentation", () => {
    expect(normaliseText("  • point   \n\tnext\t")).toBe("  • point\n\tnext");
  });

  it("trims a line in linear time whatever its run of blanks (the old regex was quadratic)", () => {
    const line = `a${" ".repeat(100_000)}b`;
    const started = performance.now();
    expect(normaliseText(`${line} \t \nnext`)).toBe(`${line}\nnext`);
    // 100,000 blanks before a word took the old trailing-blank regex about 10 s.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("composes to NFC without changing the words", () => {
    const decomposed = "Cafe\u0301 in Sa\u0303o Paulo";
    expect(normaliseText(decomposed)).toBe("Café in São Paulo");
    expect(normaliseText(decomposed).length).toBe("Café in São Paulo".length);
  });

  it("drops invisible characters and turns fixed spaces into spaces", () => {
    expect(normaliseText("\uFEFFKrem\u00ADlin first\u00A0reported\u200B.")).toBe(
      "Kremlin first reported.",
    );
  });

  it("removes stray control characters but keeps tabs", () => {
    expect(normaliseText("a\u0007b\tc\u001Bd")).toBe("ab\tcd");
  });

  it("removes NUL, C1 controls and bidi overrides and isolates, but keeps right-to-left text and its marks", () => {
    expect(normaliseText("a\u0000b\u0085c \u202Eevil\u202C \u2066x\u2069")).toBe("abc evil x");
    const arabic = "قال الوزير \u200F(5%)\u200E إن الميزانية ارتفعت";
    expect(normaliseText(arabic)).toBe(arabic);
  });

  it("strips leading and trailing blank lines", () => {
    expect(normaliseText("\n\n  \nbody\n \n")).toBe("body");
  });

  it("is idempotent", () => {
    const once = normaliseText(" x \r\n\r\n\r\n\u00A0y\u00A0\n");
    expect(normaliseText(once)).toBe(once);
  });
});
