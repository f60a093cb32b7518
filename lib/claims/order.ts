/**
 * How an article's claims are listed. `article`: by where their passage is in the text, claims
 * whose passage was lost in a new version last; `editor`: the editor's own order (the claims'
 * positions, which Up and Down change: mutations.ts).
 */
export const CLAIM_ORDERS = ["article", "editor"] as const;
export type ClaimOrder = (typeof CLAIM_ORDERS)[number];

export function isClaimOrder(value: unknown): value is ClaimOrder {
  return typeof value === "string" && (CLAIM_ORDERS as readonly string[]).includes(value);
}

/**
 * Claims in article order: by their passage's start, then end; a lost passage (no place in the
 * text) last. Claims given in the editor's order keep it where they tie, and among the lost.
 */
export function sortByArticle<T extends { start: number; end: number; anchorState: string }>(claims: readonly T[]): T[] {
  return claims
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => {
      const isLostA = a.claim.anchorState === "lost";
      const isLostB = b.claim.anchorState === "lost";
      if (isLostA !== isLostB) return isLostA ? 1 : -1;
      if (isLostA) return a.index - b.index;
      return a.claim.start - b.claim.start || a.claim.end - b.claim.end || a.index - b.index;
    })
    .map(({ claim }) => claim);
}
