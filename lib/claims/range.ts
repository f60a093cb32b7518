/**
 * Trims whitespace from both ends of a selected range, so a sloppy mouse selection
 * ("  Putin is ") anchors on the words. Returns null when nothing but whitespace was selected.
 */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to > from ? { start: from, end: to } : null;
}

/** A position between two others, for reordering without renumbering every claim. */
export function positionBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return after! - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}
