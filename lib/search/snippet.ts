import { foldText, type SearchTerm } from "./query";

/**
 * A short extract of a hit's text with the matched words marked, cut the way the indexes cut
 * words (lib/search/query.ts), the same on both databases. Plain text segments, never HTML: the
 * page renders marked segments in <mark> and React escapes everything.
 */
export type SnippetPart = { text: string; isMatch: boolean };

/** Characters of context kept around the first match. */
const CONTEXT_BEFORE = 70;
const SNIPPET_LENGTH = 220;
/** Texts longer than this are highlighted in a window around the first match only. */
const LONG_TEXT = 20_000;

type Token = { start: number; end: number; word: string };

/** The marked extract of `text` around its first match of `terms`, or null when nothing in it matches. */
export function buildSnippet(text: string, terms: SearchTerm[]): SnippetPart[] | null {
  if (text.length > LONG_TEXT) return buildLongSnippet(text, terms);
  const ranges = findMatches(text, terms);
  if (ranges.length === 0) return null;
  return cut(text, ranges);
}

/** The first text of `texts` with a match, as a snippet; else the first text's opening words, unmarked. */
export function buildFirstSnippet(texts: (string | null | undefined)[], terms: SearchTerm[]): SnippetPart[] {
  for (const text of texts) {
    const snippet = text ? buildSnippet(text, terms) : null;
    if (snippet) return snippet;
  }
  const first = texts.find((text): text is string => Boolean(text)) ?? "";
  return cut(first, []);
}

function buildLongSnippet(text: string, terms: SearchTerm[]): SnippetPart[] | null {
  // Folding keeps positions for precomposed text, so the first word's place in the folded text is
  // near its place in the original; the exact highlighter then runs on a window around it.
  const folded = foldText(text);
  const first = terms[0]?.words[0];
  const at = first ? folded.search(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(first)}`, "u")) : -1;
  if (at < 0) return null;
  const from = Math.max(0, at - 2_000);
  const window = text.slice(from, at + 2_000);
  const ranges = findMatches(window, terms);
  if (ranges.length === 0) return null;
  const parts = cut(window, ranges);
  if (from > 0 && !parts[0].text.startsWith("…")) parts.unshift({ text: "…", isMatch: false });
  return parts;
}

/** The [start, end) ranges of `text` (in UTF-16 units) that match a term. */
export function findMatches(text: string, terms: SearchTerm[]): [number, number][] {
  const tokens = tokenize(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let i = 0; i + term.words.length <= tokens.length; i++) {
      const isMatch = term.words.every((word, k) => {
        const token = tokens[i + k].word;
        return term.prefix && k === term.words.length - 1 ? token.startsWith(word) : token === word;
      });
      if (isMatch) ranges.push([tokens[i].start, tokens[i + term.words.length - 1].end]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The words of `text`, folded, with where each lies in the original. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const folded = foldText(char);
    const isWordChar = /^[\p{L}\p{N}]+$/u.test(folded);
    // A combining mark folds to nothing: it belongs to the word it follows.
    if (folded === "" && current) current.end = i + char.length;
    else if (isWordChar) {
      if (!current) current = { start: i, end: i, word: "" };
      current.word += folded;
      current.end = i + char.length;
    } else if (current) {
      tokens.push(current);
      current = null;
    }
    i += char.length;
  }
  if (current) tokens.push(current);
  return tokens;
}

function cut(text: string, ranges: [number, number][]): SnippetPart[] {
  const anchor = ranges[0]?.[0] ?? 0;
  let start = text.length <= SNIPPET_LENGTH ? 0 : Math.max(0, anchor - CONTEXT_BEFORE);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Whole words at both ends.
  if (start > 0) start = Math.min(anchor, nextSpace(text, start));
  if (end < text.length) end = Math.max(ranges.find(([from]) => from >= start)?.[1] ?? end, previousSpace(text, end, start));
  const parts: SnippetPart[] = [];
  const push = (from: number, to: number, isMatch: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), isMatch });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (from < at || to > end) continue;
    push(at, from, false);
    push(from, to, true);
    at = to;
  }
  push(at, end, false);
  if (start > 0) parts.unshift({ text: "…", isMatch: false });
  if (end < text.length) parts.push({ text: "…", isMatch: false });
  return parts;
}

function nextSpace(text: string, from: number): number {
  const at = text.slice(from).search(/\s/);
  return at < 0 ? from : from + at + 1;
}

function previousSpace(text: string, to: number, floor: number): number {
  const at = text.slice(floor, to).search(/\s\S*$/);
  return at <= 0 ? to : floor + at;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
