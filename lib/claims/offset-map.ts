import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, dmp } from "./dmp";

/** A changed region: old[oldStart, oldEnd) became new[newStart, newEnd). */
type Hunk = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };

/** Maps character offsets in an old text to the equivalent offsets in a new text. */
export type OffsetMap = {
  /** Where a claim starting at `offset` now starts: text inserted right before it stays outside. */
  mapStart: (offset: number) => number;
  /** Where a claim ending at `offset` now ends: text inserted right after it stays outside. */
  mapEnd: (offset: number) => number;
};

/**
 * Diff the two texts once (diff-match-patch, line mode first so long
 * articles stay fast) and answer offset queries by binary search.
 */
export function buildOffsetMap(oldText: string, newText: string): OffsetMap {
  const diffs = dmp.diff_main(oldText, newText, true);
  // Slide edits onto word boundaries so insertions sit between words, not inside them.
  dmp.diff_cleanupSemanticLossless(diffs);
  const hunks = collectHunks(diffs);
  return {
    mapStart: (offset) => mapOffset(hunks, offset, true),
    mapEnd: (offset) => mapOffset(hunks, offset, false),
  };
}

function collectHunks(diffs: Array<[number, string]>): Hunk[] {
  const hunks: Hunk[] = [];
  let oldOffset = 0;
  let newOffset = 0;
  let open: Hunk | null = null;
  for (const [operation, text] of diffs) {
    if (operation === DIFF_EQUAL) {
      if (open) hunks.push(open);
      open = null;
      oldOffset += text.length;
      newOffset += text.length;
      continue;
    }
    open ??= { oldStart: oldOffset, oldEnd: oldOffset, newStart: newOffset, newEnd: newOffset };
    if (operation === DIFF_DELETE) oldOffset += text.length;
    if (operation === DIFF_INSERT) newOffset += text.length;
    open.oldEnd = oldOffset;
    open.newEnd = newOffset;
  }
  if (open) hunks.push(open);
  return hunks;
}

function mapOffset(hunks: Hunk[], offset: number, isStart: boolean): number {
  // Last hunk starting at or before the offset.
  let low = 0;
  let high = hunks.length - 1;
  let index = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((hunks[middle] as Hunk).oldStart <= offset) {
      index = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const hunk = hunks[index];
  if (!hunk) return offset;
  if (offset > hunk.oldEnd) return hunk.newEnd + (offset - hunk.oldEnd);
  if (hunk.oldStart === hunk.oldEnd) return isStart ? hunk.newEnd : hunk.newStart;
  if (offset === hunk.oldStart) return hunk.newStart;
  if (offset === hunk.oldEnd) return hunk.newEnd;
  // Inside replaced text: widen the claim so it covers the whole replacement.
  return isStart ? hunk.newStart : hunk.newEnd;
}
