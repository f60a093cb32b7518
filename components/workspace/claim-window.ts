/**
 * The arithmetic of the windowed claims list (decision 0030): where each row sits, given the
 * heights measured so far and an estimate for the rest, which rows cover the part of the list on
 * screen, and the space that stands in for the rows left out. Pure, so it is tested without a DOM.
 */

/** Up to this many claims the list renders every row (the server the first SERVER_RENDERED_CLAIMS). */
export const WINDOW_THRESHOLD = 150;
/**
 * Claims the server renders into the page's HTML: a tall screen's worth of rows (about 120 px
 * each), so the list paints before the page's script has run. The rest of the list is rendered
 * in the browser as soon as the page is interactive, from the page's data: each claim reaches the
 * browser once, in that data, not again as HTML (decision 0031). Beyond WINDOW_THRESHOLD claims
 * the list is windowed instead (decision 0030).
 */
export const SERVER_RENDERED_CLAIMS = 12;
/** Space between rows (Tailwind's gap-2), in CSS pixels. */
export const ROW_GAP = 8;
/** A row not yet measured: a claim with a one-line statement and quote, and its header. */
export const ESTIMATED_ROW_HEIGHT = 120;
/** Rows rendered before the list knows where the screen is (the server's page and hydration). */
export const INITIAL_ROWS = 30;
/** Rows are rendered this far above and below the visible part, so a scroll finds them ready. */
export const OVERSCAN_PX = 900;

export type RowLayout = {
  /** Each row's distance from the list's top. */
  tops: number[];
  heights: number[];
  total: number;
};

/** Each row's place: measured heights where known, else the average measured one (or the estimate). */
export function layOutRows(ids: readonly string[], measured: ReadonlyMap<string, number>): RowLayout {
  let known = 0;
  let knownSum = 0;
  for (const id of ids) {
    const height = measured.get(id);
    if (height === undefined) continue;
    known += 1;
    knownSum += height;
  }
  const estimate = known > 0 ? knownSum / known : ESTIMATED_ROW_HEIGHT;
  const tops: number[] = new Array(ids.length);
  const heights: number[] = new Array(ids.length);
  let top = 0;
  ids.forEach((id, index) => {
    tops[index] = top;
    heights[index] = measured.get(id) ?? estimate;
    top += heights[index]! + ROW_GAP;
  });
  return { tops, heights, total: ids.length > 0 ? top - ROW_GAP : 0 };
}

export type RowRange = { start: number; end: number };

/** The rows (start inclusive, end exclusive) that meet [viewTop - overscan, viewBottom + overscan]. */
export function findRowRange(layout: RowLayout, viewTop: number, viewBottom: number, overscan = OVERSCAN_PX): RowRange {
  const { tops, heights } = layout;
  const from = viewTop - overscan;
  const to = viewBottom + overscan;
  // The first row whose bottom reaches `from`, then the first row whose top is past `to`.
  let low = 0;
  let high = tops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! + heights[middle]! < from) low = middle + 1;
    else high = middle;
  }
  const start = low;
  high = tops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! <= to) low = middle + 1;
    else high = middle;
  }
  return { start, end: Math.max(low, start) };
}

export type RowSlot = { index: number; marginTop: number };
export type WindowPlan = { slots: RowSlot[]; paddingTop: number; paddingBottom: number };

/**
 * The rows to render, in order: those in `range` and the pinned ones wherever they are (the active
 * claim, one being edited, one holding focus), each with the space of the rows skipped before it.
 */
export function planWindow(layout: RowLayout, range: RowRange, pinned: Iterable<number>): WindowPlan {
  const count = layout.tops.length;
  const indexes = new Set<number>();
  for (let index = range.start; index < Math.min(range.end, count); index += 1) indexes.add(index);
  for (const index of pinned) if (index >= 0 && index < count) indexes.add(index);
  const sorted = [...indexes].sort((a, b) => a - b);
  if (sorted.length === 0) return { slots: [], paddingTop: 0, paddingBottom: layout.total };
  const slots = sorted.map((index, position) => {
    const before = sorted[position - 1];
    // The flex gap already separates two rendered rows; the skipped rows' space comes on top.
    const marginTop = before === undefined ? 0 : layout.tops[index]! - (layout.tops[before]! + layout.heights[before]! + ROW_GAP);
    return { index, marginTop: Math.max(0, marginTop) };
  });
  const last = sorted[sorted.length - 1]!;
  return {
    slots,
    paddingTop: layout.tops[sorted[0]!]!,
    paddingBottom: Math.max(0, layout.total - (layout.tops[last]! + layout.heights[last]!)),
  };
}
