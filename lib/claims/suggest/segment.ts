import { classifyAbbreviation, isSentenceOpener } from "./abbreviations";

/** A sentence with its exact character range in the original text (`text.slice(start, end)`). */
export type Segment = { start: number; end: number; text: string };

// A terminal run (".", "?!", "...", "…") plus any closing quotes or brackets right after it.
const TERMINAL = /(?:\.{2,}|…|[.!?]+)["'”’)\]]*/g;
const LEADING_NOISE = /^[\s•◦▪‣●·*–—-]+/;
const NEXT_START = /^\s+(["'“‘(\[]*)([A-Za-z0-9$£€]\S*)/;

/**
 * Splits news text into sentences. Every line is its own paragraph (never merged with the next);
 * inside a line, a sentence ends at terminal punctuation (and closing quotes) followed by a
 * capitalised start, unless the period belongs to an abbreviation, an initial or a number.
 */
export function segmentSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const line of text.matchAll(/[^\n\r]+/g)) {
    splitLine(line[0], line.index ?? 0, segments);
  }
  return segments;
}

function splitLine(line: string, offset: number, out: Segment[]): void {
  let sentenceStart = 0;
  for (const match of line.matchAll(TERMINAL)) {
    const end = (match.index ?? 0) + match[0].length;
    if (isBoundary(line, match[0], match.index ?? 0, end)) {
      pushSegment(line, sentenceStart, end, offset, out);
      sentenceStart = end;
    }
  }
  pushSegment(line, sentenceStart, line.length, offset, out);
}

function isBoundary(line: string, terminal: string, at: number, end: number): boolean {
  const next = NEXT_START.exec(line.slice(end, end + 80));
  if (!next) return false; // end of line (handled by the caller) or no space after the mark
  const word = next[2];
  if (/^[a-z]/.test(word)) return false; // "he asked", "e.g. some", "... and then"
  if (!terminal.startsWith(".") || terminal.startsWith("..")) return true;
  const kind = classifyAbbreviation(line.slice(Math.max(0, at - 12), at + 1));
  if (kind === null) return true;
  if (kind === "title") return false;
  if (kind === "before-number") return !/^\d/.test(word);
  return isSentenceOpener(word.replace(/[^A-Za-z]+$/, "")) && next[1] === "";
}

function pushSegment(line: string, from: number, to: number, offset: number, out: Segment[]): void {
  const raw = line.slice(from, to);
  const lead = LEADING_NOISE.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(lead).trimEnd();
  if (!/[A-Za-z0-9]/.test(body)) return;
  const start = offset + from + lead;
  out.push({ start, end: start + body.length, text: body });
}
