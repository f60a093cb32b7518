import { describe, expect, it } from "vitest";
import { splitParagraphs } from "@/lib/articles/paragraphs";
import { findParagraphJump, splitSentences } from "./text-navigation";

const TEXT = "One a. One b. One c.\n\nTwo a.\n\nThree a. Three b.";
const paragraphs = splitParagraphs(TEXT);
const sentences = splitSentences(paragraphs);
const sentenceAt = (index: number) => TEXT.slice(sentences[index]!.start, sentences[index]!.end);
const jump = (from: string, step: 1 | -1) => sentenceAt(findParagraphJump(sentences, paragraphs, sentences.findIndex((_, index) => sentenceAt(index) === from), step));

describe("findParagraphJump", () => {
  it("goes forward to the next paragraph's first sentence, and stays on the last sentence at the end", () => {
    expect(jump("One b.", 1)).toBe("Two a.");
    expect(jump("Two a.", 1)).toBe("Three a.");
    expect(jump("Three a.", 1)).toBe("Three b.");
  });

  it("goes back to this paragraph's first sentence, then to the previous paragraph's", () => {
    expect(jump("One c.", -1)).toBe("One a.");
    expect(jump("Three a.", -1)).toBe("Two a.");
    expect(jump("Two a.", -1)).toBe("One a.");
    expect(jump("One a.", -1)).toBe("One a.");
  });
});
