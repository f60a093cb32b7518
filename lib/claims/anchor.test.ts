import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { ARTICLE, anchorOn, resolveBoth } from "./test-helpers";

const CLAIM = "Putin's militias would be under the command of regional governors";

describe("createAnchor", () => {
  it("builds W3C quote and position selectors with 32 characters of context", () => {
    const anchor = anchorOn(ARTICLE, CLAIM);
    const start = ARTICLE.indexOf(CLAIM);
    expect(anchor.position).toEqual({ type: "TextPositionSelector", start, end: start + CLAIM.length });
    expect(anchor.quote).toEqual({
      type: "TextQuoteSelector",
      exact: CLAIM,
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(start + CLAIM.length, start + CLAIM.length + 32),
    });
  });

  it("keeps shorter context at the edges of the text", () => {
    expect(createAnchor("Hello world", 0, 5).quote).toMatchObject({ prefix: "", suffix: " world" });
  });

  it("rejects empty, reversed and out-of-range spans", () => {
    expect(() => createAnchor("abc", 1, 1)).toThrow(RangeError);
    expect(() => createAnchor("abc", 2, 1)).toThrow(RangeError);
    expect(() => createAnchor("abc", -1, 2)).toThrow(RangeError);
    expect(() => createAnchor("abc", 0, 4)).toThrow(RangeError);
    expect(() => createAnchor("abc", 0.5, 2)).toThrow(RangeError);
  });
});

describe("resolveAnchor and reanchorAll", () => {
  const anchor = anchorOn(ARTICLE, CLAIM);

  it("reports an untouched claim as exact with full score", () => {
    for (const result of resolveBoth(ARTICLE, ARTICLE, anchor)) {
      expect(result).toEqual({ status: "exact", start: anchor.position.start, end: anchor.position.end, score: 1, exact: CLAIM });
    }
  });

  it("follows a claim when text is inserted before it", () => {
    const edited = `Editor's note: this story was updated.\n\n${ARTICLE}`;
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result.status).toBe("moved");
      expect(edited.slice(result.start, result.end)).toBe(CLAIM);
      expect(result.start).toBe(anchor.position.start + 40);
    }
  });

  it("stays exact when text is inserted right after it", () => {
    const edited = ARTICLE.replace(CLAIM, `${CLAIM} (and mayors, in some regions)`);
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result).toMatchObject({ status: "exact", start: anchor.position.start, exact: CLAIM });
      expect(result.score).toBeLessThan(1);
    }
  });

  it("survives insertions on both sides of the claim at once", () => {
    const edited = ARTICLE.replace(CLAIM, `[UPDATED] ${CLAIM} [sic]`).replace("Fighters from", "Armed fighters from");
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result.status).toBe("moved");
      expect(result.exact).toBe(CLAIM);
      expect(result.start).toBe(edited.indexOf(CLAIM));
    }
  });

  it("flags an edit inside the claim as changed, returning the new passage", () => {
    const newClaim = "Putin's militias would be under the direct control of regional governors";
    const edited = ARTICLE.replace(CLAIM, newClaim);
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result).toMatchObject({ status: "changed", exact: newClaim, start: edited.indexOf(newClaim) });
      expect(result.score).toBeGreaterThan(0.7);
    }
  });

  it("treats whitespace and typographic changes as fuzzy, not changed", () => {
    const spaced = "Putin's  militias would be under\nthe command of regional governors";
    const curly = CLAIM.replace("'", "\u2019");
    for (const replacement of [spaced, curly]) {
      const edited = ARTICLE.replace(CLAIM, replacement);
      for (const result of resolveBoth(ARTICLE, edited, anchor)) {
        expect(result).toMatchObject({ status: "fuzzy", exact: replacement, start: edited.indexOf(replacement) });
      }
    }
  });

  it("reports the claim lost when its passage is deleted", () => {
    const sentence = ARTICLE.split("\n\n").find((paragraph) => paragraph.includes(CLAIM)) as string;
    const edited = ARTICLE.replace(`${sentence}\n\n`, "");
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result).toMatchObject({ status: "lost", start: -1, end: -1, exact: "" });
      expect(result.score).toBeLessThan(0.6);
    }
  });

  it("reports a partly deleted claim as changed with what remains", () => {
    const edited = ARTICLE.replace(CLAIM, "Putin's militias would be under the command");
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result).toMatchObject({ status: "changed", exact: "Putin's militias would be under the command" });
    }
  });

  it("finds a paragraph moved elsewhere in the article", () => {
    const paragraphs = ARTICLE.split("\n\n");
    const index = paragraphs.findIndex((paragraph) => paragraph.includes(CLAIM));
    const [moved] = paragraphs.splice(index, 1);
    paragraphs.push(moved as string);
    const edited = paragraphs.join("\n\n");
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result).toMatchObject({ status: "moved", start: edited.indexOf(CLAIM), exact: CLAIM });
    }
  });
});

describe("createAnchor and emoji", () => {
  it("never cuts the context through the middle of an emoji", () => {
    for (let pad = 0; pad < 4; pad += 1) {
      const text = `🇷🇺🙂 wartime ${"y".repeat(19 + pad)} The bill passed. ${"z".repeat(19 + pad)} 🙂🇺🇦 end`;
      const start = text.indexOf("The bill");
      const anchor = createAnchor(text, start, start + "The bill passed.".length);
      expect(anchor.quote.prefix.isWellFormed()).toBe(true);
      expect(anchor.quote.suffix.isWellFormed()).toBe(true);
      expect(text.slice(start - anchor.quote.prefix.length, start)).toBe(anchor.quote.prefix);
    }
  });
});

