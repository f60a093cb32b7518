import { findParagraphIndex, type Paragraph } from "@/lib/articles/paragraphs";
import { abbreviate } from "@/lib/text/truncate";
import type { TextRange } from "./types";

/** A sentence ends at . ! ? or … (and any closing quotes or brackets) before a space or the end. */
const sentenceEnd = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;

/**
 * Sentences for keyboard navigation, in reading order. Deliberately simple: a line break or
 * sentence-ending punctuation ends a sentence ("Mr. Smith" splits, which only costs a keypress).
 */
export function splitSentences(paragraphs: Paragraph[]): TextRange[] {
  const sentences: TextRange[] = [];
  for (const paragraph of paragraphs) {
    let lineStart = 0;
    for (const line of paragraph.text.split("\n")) {
      pushLineSentences(sentences, line, paragraph.start + lineStart);
      lineStart += line.length + 1;
    }
  }
  return sentences;
}

function pushLineSentences(sentences: TextRange[], line: string, offset: number) {
  let from = 0;
  const push = (to: number) => {
    const text = line.slice(from, to);
    const start = from + (text.length - text.trimStart().length);
    const end = from + text.trimEnd().length;
    if (end > start) sentences.push({ start: offset + start, end: offset + end });
  };
  for (const match of line.matchAll(sentenceEnd)) {
    const to = match.index + match[0].length;
    push(to);
    from = to;
  }
  push(line.length);
}

/** Index of the sentence containing `offset`, else the next one; the last one past the end. */
export function findSentenceIndex(sentences: TextRange[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.end > offset) {
      found = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

/**
 * The sentence a paragraph jump lands on from sentence `index`: forward, the first sentence of the
 * next paragraph (the last sentence from the last paragraph); back, the first sentence of this
 * paragraph, or of the previous one when already there (as Ctrl+↑ moves a text editor's caret).
 */
export function findParagraphJump(sentences: TextRange[], paragraphs: Paragraph[], index: number, step: 1 | -1): number {
  if (sentences.length === 0) return -1;
  const paragraph = findParagraphIndex(paragraphs, sentences[index]!.start);
  const firstOf = (at: number) => findSentenceIndex(sentences, paragraphs[at]!.start);
  if (step > 0) return paragraph + 1 < paragraphs.length ? firstOf(paragraph + 1) : sentences.length - 1;
  const first = firstOf(paragraph);
  if (first < index) return first;
  return paragraph > 0 ? firstOf(paragraph - 1) : 0;
}

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

/** The end moved forward past the next word. */
export function extendEndByWord(text: string, range: TextRange): TextRange {
  let end = range.end;
  while (end < text.length && isSpace(text[end])) end++;
  while (end < text.length && !isSpace(text[end])) end++;
  return { start: range.start, end };
}

/** The end moved back before its last word; unchanged when only one word is left. */
export function trimEndByWord(text: string, range: TextRange): TextRange {
  let end = range.end;
  while (end > range.start && isSpace(text[end - 1])) end--;
  while (end > range.start && !isSpace(text[end - 1])) end--;
  while (end > range.start && isSpace(text[end - 1])) end--;
  return end > range.start ? { start: range.start, end } : range;
}

/** The start moved back over the previous word. */
export function extendStartByWord(text: string, range: TextRange): TextRange {
  let start = range.start;
  while (start > 0 && isSpace(text[start - 1])) start--;
  while (start > 0 && !isSpace(text[start - 1])) start--;
  return { start, end: range.end };
}

/** The start moved past its first word; unchanged when only one word is left. */
export function trimStartByWord(text: string, range: TextRange): TextRange {
  let start = range.start;
  while (start < range.end && isSpace(text[start])) start++;
  while (start < range.end && !isSpace(text[start])) start++;
  while (start < range.end && isSpace(text[start])) start++;
  return start < range.end ? { start, end: range.end } : range;
}

/** Offsets inside `quote` where a new word starts: the places a claim can be split. */
export function findWordStarts(quote: string): number[] {
  const starts: number[] = [];
  for (const match of quote.matchAll(/\s+/g)) {
    const at = match.index + match[0].length;
    if (at < quote.length) starts.push(at);
  }
  return starts;
}

/** A passage on one line, shortened for announcements and labels. */
export function abbreviatePassage(text: string, max = 160): string {
  return abbreviate(text.replace(/\s+/g, " ").trim(), max);
}
