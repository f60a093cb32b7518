import { foldForComparison } from "@/lib/claims/similarity";
import { findPassage } from "./passage";

/** A range of a snapshot's text, in its own offsets. */
export type TextRange = { start: number; end: number };

/**
 * Where findPassage's match lies in the original text. It matches in folded
 * text (whitespace runs, quotes, dashes, Unicode form), so its `closest` is
 * found again in a folding that remembers each unit's original range. An
 * approximate match of an elided passage yields one range per piece.
 */
export function locatePassage(text: string, passage: string): TextRange[] {
  const { closest } = findPassage(text, passage);
  if (!closest) return [];
  const { folded, from, to } = foldWithOffsets(text);
  const ranges: TextRange[] = [];
  let cursor = 0;
  for (const piece of closest.split(" ... ").filter(Boolean)) {
    const at = folded.indexOf(piece, cursor);
    if (at === -1) continue;
    ranges.push({ start: from[at] as number, end: to[at + piece.length - 1] as number });
    cursor = at + piece.length;
  }
  return ranges;
}

/** foldForComparison, one character (with its combining marks) at a time, keeping offsets. */
function foldWithOffsets(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let spaceStart = -1;
  for (const { 0: cluster, index } of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const piece = foldForComparison(cluster);
    if (!piece) {
      if (spaceStart === -1) spaceStart = index;
      continue;
    }
    if (spaceStart !== -1 && folded) {
      folded += " ";
      from.push(spaceStart);
      to.push(index);
    }
    spaceStart = -1;
    for (let unit = 0; unit < piece.length; unit += 1) {
      folded += piece[unit];
      from.push(index);
      to.push(index + cluster.length);
    }
  }
  return { folded, from, to };
}
