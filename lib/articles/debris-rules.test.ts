import { describe, expect, it } from "vitest";
import { DEBRIS_REASON_LABELS, classifyLine } from "./debris-rules";

describe("classifyLine", () => {
  it("matches whole lines only", () => {
    expect(classifyLine("Oops!")).toBe("error-message");
    expect(classifyLine("Oops! The minister misspoke, aides said later that day.")).toBeNull();
  });

  it("respects length caps so long sentences are never debris", () => {
    const long = `Sign up for our newsletter ${"and read on ".repeat(20)}`;
    expect(classifyLine("Sign up for our newsletter")).toBe("newsletter");
    expect(classifyLine(long)).toBeNull();
  });

  it("treats empty and glyph-only lines as lone bullets", () => {
    expect(classifyLine("")).toBe("lone-bullet");
    expect(classifyLine("— — —")).toBe("lone-bullet");
    expect(classifyLine("…")).toBe("lone-bullet");
  });

  it("recognises agency photo credits but not sentences about agencies", () => {
    expect(classifyLine("REUTERS/Maxim Shemetov")).toBe("photo-credit");
    expect(classifyLine("Mikhail Metzel/Sputnik via Getty Images")).toBe("photo-credit");
    expect(classifyLine("Reuters reported the figures on Monday.")).toBeNull();
  });

  it("recognises news-page furniture copied with the text", () => {
    expect(classifyLine("ShareSave")).toBe("social-buttons");
    expect(classifyLine("Share Save")).toBe("social-buttons");
    expect(classifyLine("Read the full transcript")).toBe("click-here");
    expect(classifyLine("More on this story")).toBe("recommended");
    expect(classifyLine("A version of this article appears in print on Dec. 3, 2026, Section A, Page 1 of the New York edition.")).toBe("syndication");
    expect(classifyLine("Shares fell sharply after the transcript was read.")).toBeNull();
    expect(classifyLine("She read the full transcript of the call to the committee on Tuesday.")).toBeNull();
  });

    it("has a label for every reason", () => {
    for (const label of Object.values(DEBRIS_REASON_LABELS)) expect(label.length).toBeGreaterThan(3);
  });
});
