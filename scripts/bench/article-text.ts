import fs from "node:fs";
import path from "node:path";

const FIXTURE = path.join("prisma", "fixtures", "putin-private-armies.txt");

/** The demo fixture's body paragraphs, without the page debris before its first real paragraph. */
function readParagraphs(): string[] {
  const fixture = fs.readFileSync(FIXTURE, "utf8");
  const body = fixture.slice(fixture.indexOf("Russian President Vladimir Putin is forming a network"));
  return body
    .replace(/Read the original article on Business Insider\s*$/, "")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/**
 * An article of at least `words` words: the fixture's paragraphs over and over, each round's
 * figures shifted so that repeated sentences are not byte-identical (suggestions hash sentences).
 */
export function buildArticleText(words: number): string {
  const paragraphs = readParagraphs();
  const parts: string[] = [];
  for (let count = 0, index = 0; count < words; index += 1) {
    const round = Math.floor(index / paragraphs.length);
    const paragraph = paragraphs[index % paragraphs.length].replace(/\d+/g, (digits) => String(Number(digits) + round));
    parts.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return parts.join("\n\n");
}

export type Span = { start: number; end: number };

/** Sentence spans (end exclusive), trimmed, in text order. */
export function findSentences(text: string): Span[] {
  return [...text.matchAll(/[^.!?\n]+[.!?]+["”’)]*/g)].map((match) => {
    const lead = match[0].length - match[0].trimStart().length;
    return { start: match.index + lead, end: match.index + match[0].length };
  }).filter((span) => span.end - span.start > 20);
}

/**
 * `count` claim spans: every sentence, then each sentence's opening part (up to its first comma,
 * or its first half), then its closing part, so that no two claims quote the same span.
 */
export function pickClaimSpans(text: string, count: number): Span[] {
  const sentences = findSentences(text);
  const spans: Span[] = [];
  for (let round = 0; spans.length < count; round += 1) {
    if (round > 2) throw new Error(`the text has too few sentences for ${count} claims`);
    for (const sentence of sentences) {
      if (spans.length === count) break;
      spans.push(round === 0 ? sentence : splitSentence(text, sentence)[round - 1]);
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A sentence's two parts, split at its first comma or else at the space nearest its middle. */
function splitSentence(text: string, { start, end }: Span): [Span, Span] {
  const sentence = text.slice(start, end);
  const comma = sentence.indexOf(",");
  const middle = sentence.lastIndexOf(" ", Math.floor(sentence.length / 2));
  const cut = comma > 10 ? comma : middle > 10 ? middle : Math.floor(sentence.length / 2);
  const rest = cut + sentence.slice(cut).search(/[^,\s]/);
  return [{ start, end: start + cut }, { start: start + rest, end }];
}
