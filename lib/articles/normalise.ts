import { stripUnsafeCharacters } from "@/lib/text/unsafe-characters";

/**
 * Canonical plain-text form shared by every importer. Claims are anchored
 * to character offsets, so this must only touch invisible characters and
 * layout, never the words, and must be idempotent.
 */

// Invisible characters that silently break search inside a word
// (soft hyphen, zero-width space, word joiner, stray BOMs).
const INVISIBLE_RE = /[\u00AD\u200B\u2060\uFEFF]/g;
// Fixed-width spaces render like a space but defeat plain-space search.
const SPACE_LIKE_RE = /[\u00A0\u2007\u202F]/g;

/** Normalise line endings, Unicode (NFC), trailing spaces and blank-line runs. */
export function normaliseText(text: string): string {
  // Control characters carry no meaning in article text, and bidi controls would make a reader
  // see the text in another order than it is stored (lib/text/unsafe-characters.ts).
  const unified = stripUnsafeCharacters(text.replace(/\u2029/g, "\n\n").replace(/\u2028/g, "\n"))
    .replace(INVISIBLE_RE, "")
    .replace(SPACE_LIKE_RE, " ")
    .normalize("NFC");
  return unified
    .split("\n")
    .map(trimTrailingBlanks)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/**
 * The line without trailing spaces and tabs. A loop, not /[ \t]+$/: that regex retries from every
 * blank of a run that does not end the line, which is quadratic (80,000 spaces then a word: 6 s).
 */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}
