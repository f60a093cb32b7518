/**
 * The noun for a count: "claim" for 1, "claims" otherwise (0 claims, 2 claims). `plural` for
 * the irregular ones ("entry", "entries"). Every count shown to an editor goes through this or
 * `countOf`, so no screen says "1 citations in 1 claims".
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** "1,200": a count grouped in thousands, the same on the server and in every browser. */
export function formatCount(count: number): string {
  return count.toLocaleString("en");
}

/** "1 claim", "3 claims", "1,200 claims": the count (grouped in thousands) with its noun. */
export function countOf(count: number, singular: string, plural?: string): string {
  return `${formatCount(count)} ${pluralize(count, singular, plural)}`;
}
