import type { Anchor } from "./anchor";
import { dmp } from "./dmp";

// Bitap (diff-match-patch's match_main) handles at most 32-character patterns.
const PIECE_LENGTH = 32;
/** Pieces shorter than this (unless the quote itself is) match too much to be useful. */
export const MIN_PIECE_LENGTH = 6;
const MAX_HITS_PER_PIECE = 4;
const MAX_SEEDS = 8;
const BITAP_RADIUS = 1000;
// Seeds this close lead to the same alignment.
const SEED_SPACING = 8;

type Piece = { text: string; offset: number };

/**
 * Likely start positions of an edited quote, nearest the expected place first.
 * Pieces of the quote (start, middle, end) and of its context are located
 * exactly anywhere in the text, or approximately (bitap) near the expected place.
 */
export function collectSeeds(text: string, anchor: Anchor, expectedStart: number): number[] {
  const expected = clamp(expectedStart, 0, text.length);
  const seeds = [expected];
  for (const piece of collectPieces(anchor)) {
    for (const hit of findExactHits(text, piece.text, expected + piece.offset)) seeds.push(hit - piece.offset);
    const near = matchNear(text, piece.text, expected + piece.offset);
    if (near >= 0) seeds.push(near - piece.offset);
  }
  const byNearness = seeds
    .map((seed) => clamp(seed, 0, text.length))
    .sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
  const unique: number[] = [];
  for (const seed of byNearness) {
    if (unique.every((kept) => Math.abs(kept - seed) > SEED_SPACING)) unique.push(seed);
    if (unique.length === MAX_SEEDS) break;
  }
  return unique;
}

function collectPieces(anchor: Anchor): Piece[] {
  const { exact, prefix, suffix } = anchor.quote;
  const pieces: Piece[] = [{ text: exact.slice(0, PIECE_LENGTH), offset: 0 }];
  if (exact.length > PIECE_LENGTH) pieces.push({ text: exact.slice(-PIECE_LENGTH), offset: exact.length - PIECE_LENGTH });
  if (exact.length > 3 * PIECE_LENGTH) {
    const middle = Math.floor((exact.length - PIECE_LENGTH) / 2);
    pieces.push({ text: exact.slice(middle, middle + PIECE_LENGTH), offset: middle });
  }
  const before = prefix.slice(-PIECE_LENGTH);
  pieces.push({ text: before, offset: -before.length });
  pieces.push({ text: suffix.slice(0, PIECE_LENGTH), offset: exact.length });
  return pieces.filter((piece) => piece.text.trim().length >= Math.min(MIN_PIECE_LENGTH, exact.length));
}

/**
 * Bitap near `expected`. With the default Match_Distance (1000) and threshold
 * (0.5) nothing further than 500 characters can match, but a failed search
 * still walks the whole text (~200 ms on a long article), so it gets a window.
 */
function matchNear(text: string, piece: string, expected: number): number {
  const from = clamp(expected - BITAP_RADIUS, 0, text.length);
  const window = text.slice(from, expected + BITAP_RADIUS + piece.length);
  const at = dmp.match_main(window, piece, clamp(expected - from, 0, window.length));
  return at < 0 ? -1 : from + at;
}

function findExactHits(text: string, piece: string, expected: number): number[] {
  const hits: number[] = [];
  for (let at = text.indexOf(piece); at >= 0 && hits.length < 200; at = text.indexOf(piece, at + 1)) hits.push(at);
  return hits.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected)).slice(0, MAX_HITS_PER_PIECE);
}

/** Clamp a value into [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
