/**
 * Whether a claim already covers a suggested passage: one claim overlaps at least half of it.
 * The server leaves such passages out of the suggestions (lib/claims/suggestions.ts); the
 * workspace drops them too when a colleague's claim arrives live on a passage it suggested.
 */
export function isCovered(range: { start: number; end: number }, claims: ReadonlyArray<{ start: number; end: number }>): boolean {
  const length = range.end - range.start;
  return claims.some((claim) => Math.min(claim.end, range.end) - Math.max(claim.start, range.start) >= length / 2);
}
