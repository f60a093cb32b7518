import { describe, expect, it } from "vitest";
import { fitText, measureText } from "./measure-text";

describe("measureText", () => {
  it("measures wide text wider than narrow text, bold wider than regular", () => {
    expect(measureText("WWWW", { size: 13 })).toBeGreaterThan(measureText("iiii", { size: 13 }));
    expect(measureText("BBC News", { size: 13, isBold: true })).toBeGreaterThan(measureText("BBC News", { size: 13 }));
    expect(measureText("BBC News", { size: 26 })).toBeCloseTo(measureText("BBC News", { size: 13 }) * 2, 5);
  });

  it("cuts a long name to fit, with an ellipsis, never splitting an emoji", () => {
    const fitted = fitText("The Office of the United Nations High Commissioner for Refugees 🇺🇳", 160, { size: 13, isBold: true });
    expect(fitted.isCut).toBe(true);
    expect(fitted.width).toBeLessThanOrEqual(160);
    expect(fitted.text.endsWith("…")).toBe(true);
    expect(fitText("BBC News", 160, { size: 13 })).toMatchObject({ text: "BBC News", isCut: false });
    const emoji = fitText("🇺🇳🇺🇳🇺🇳🇺🇳🇺🇳🇺🇳🇺🇳🇺🇳", 30, { size: 13 });
    expect(emoji.text).not.toMatch(/[\ud800-\udbff]…$/);
  });
});
