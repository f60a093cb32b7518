/** The substring of a text closest to a pattern, by edit distance. */
export type ApproximateMatch = { start: number; end: number; distance: number };

/**
 * Find the substring of text[from, to) with the smallest edit distance to
 * `pattern` (Sellers' semi-global alignment, O(pattern × window)). Unlike
 * bitap it has no 32-character limit, so whole quotes are aligned at once.
 * Ties go to the match ending nearest `expectedEnd`.
 */
export function findApproximateMatch(
  pattern: string,
  text: string,
  from: number,
  to: number,
  expectedEnd: number,
): ApproximateMatch | null {
  const m = pattern.length;
  const windowStart = Math.max(0, from);
  const windowEnd = Math.min(text.length, to);
  if (m === 0 || windowEnd <= windowStart) return null;
  // cost[i]: edits to align pattern[0, i) ending at the current text position;
  // origin[i]: where in the text that alignment starts.
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) {
    cost[i] = i;
    origin[i] = windowStart;
  }
  let best: ApproximateMatch | null = null;
  for (let j = windowStart; j < windowEnd; j += 1) {
    const char = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i += 1) {
      let value = (cost[i - 1] as number) + (pattern.charCodeAt(i - 1) === char ? 0 : 1);
      let source = origin[i - 1] as number;
      const skipText = (cost[i] as number) + 1;
      if (skipText < value) {
        value = skipText;
        source = origin[i] as number;
      }
      const skipPattern = (nextCost[i - 1] as number) + 1;
      if (skipPattern < value) {
        value = skipPattern;
        source = nextOrigin[i - 1] as number;
      }
      nextCost[i] = value;
      nextOrigin[i] = source;
    }
    const distance = nextCost[m] as number;
    const end = j + 1;
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && Math.abs(end - expectedEnd) < Math.abs(best.end - expectedEnd))
    ) {
      best = { start: nextOrigin[m] as number, end, distance };
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  return best;
}
