import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { listPassageBounds, snapToWords } from "./passage-bounds";

const text = "Before the quote, the army will be commanded by governors, operate at will.";
const quote = "the army will be commanded by governors";
const anchor = createAnchor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

describe("snapToWords", () => {
  it("widens a cut word to its edges and trims edge spaces", () => {
    const start = text.indexOf("rmy");
    expect(snapToWords(text, anchor, start, start + 10)).toEqual([text.indexOf("army"), text.indexOf("army") + 12]);
    const spaced = text.indexOf(" the army");
    expect(snapToWords(text, anchor, spaced, spaced + 9)).toEqual([spaced + 1, spaced + 9]);
  });

  it("leaves a quote that began mid-word alone", () => {
    const mid = createAnchor(text, text.indexOf("rmy"), text.indexOf("rmy") + 3);
    expect(snapToWords(text, mid, text.indexOf("rmy"), text.indexOf("rmy") + 3)).toEqual([
      text.indexOf("rmy"), text.indexOf("rmy") + 3,
    ]);
  });
});

describe("listPassageBounds", () => {
  it("offers the bounds set by the surviving prefix and suffix", () => {
    const edited = text.replace(" by governors", "");
    const alignedEnd = edited.indexOf(", operate") + 9;
    const bounds = listPassageBounds(edited, anchor, edited.indexOf("the army"), alignedEnd, 40);
    expect(bounds).toContainEqual([edited.indexOf("the army"), edited.indexOf(", operate")]);
  });
});
