import type { Anchor } from "./anchor";
import { MIN_PIECE_LENGTH } from "./seeds";

// Short enough to survive an edit next to the quote, long enough to be distinctive.
const CONTEXT_PIECE_LENGTH = 16;
const MAX_SNAP = 32;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Possible [start, end] bounds for a passage found by alignment. An
 * alignment happily swallows neighbouring words when the quote lost some of
 * its own, so the bounds where the stored prefix now ends and the stored
 * suffix now begins are offered too.
 */
export function listPassageBounds(
  text: string,
  anchor: Anchor,
  start: number,
  end: number,
  radius: number,
): Array<[number, number]> {
  const { prefix, suffix } = anchor.quote;
  const starts = [start];
  const ends = [end];
  const before = prefix.slice(-CONTEXT_PIECE_LENGTH);
  if (before.trim().length >= MIN_PIECE_LENGTH) {
    const at = findNearest(text, before, start - before.length, radius);
    if (at >= 0) starts.push(at + before.length);
  }
  const after = suffix.slice(0, CONTEXT_PIECE_LENGTH);
  if (after.trim().length >= MIN_PIECE_LENGTH) {
    const at = findNearest(text, after, end, radius);
    if (at >= 0) ends.push(at);
  }
  const bounds: Array<[number, number]> = [];
  for (const candidateStart of starts) {
    for (const candidateEnd of ends) {
      const [snappedStart, snappedEnd] = snapToWords(text, anchor, candidateStart, candidateEnd);
      if (snappedEnd > snappedStart) bounds.push([snappedStart, snappedEnd]);
    }
  }
  return bounds;
}

/**
 * Claims are usually whole words; an alignment may cut one in half, so widen
 * to word edges where the original quote had them, and drop edge whitespace
 * the quote did not have.
 */
export function snapToWords(text: string, anchor: Anchor, start: number, end: number): [number, number] {
  const { exact, prefix, suffix } = anchor.quote;
  let newStart = start;
  let newEnd = end;
  if (!isWordChar(prefix.at(-1)) || !isWordChar(exact[0])) {
    while (newStart > start - MAX_SNAP && isWordChar(text[newStart - 1]) && isWordChar(text[newStart])) newStart -= 1;
  }
  if (!isWordChar(exact.at(-1)) || !isWordChar(suffix[0])) {
    while (newEnd < end + MAX_SNAP && isWordChar(text[newEnd - 1]) && isWordChar(text[newEnd])) newEnd += 1;
  }
  if (!/^\s/.test(exact)) while (newStart < newEnd && /\s/.test(text[newStart] ?? "")) newStart += 1;
  if (!/\s$/.test(exact)) while (newEnd > newStart && /\s/.test(text[newEnd - 1] ?? "")) newEnd -= 1;
  return [newStart, newEnd];
}

/** Start of the occurrence of `piece` nearest `expected`, within `radius`; -1 if none. */
function findNearest(text: string, piece: string, expected: number, radius: number): number {
  const from = Math.max(0, expected - radius);
  const region = text.slice(from, expected + radius + piece.length);
  let nearest = -1;
  for (let at = region.indexOf(piece); at >= 0; at = region.indexOf(piece, at + 1)) {
    if (nearest < 0 || Math.abs(from + at - expected) < Math.abs(nearest - expected)) nearest = from + at;
  }
  return nearest;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}
