import type { ChainPath } from "./chain-types";

/**
 * Citations in the order a reader follows the chains: the article's first citation, what it
 * relays, and on towards the origin, then the next chain. Citations on no path come last.
 */
export function sortByChain<T extends { id: string }>(citations: readonly T[], paths: readonly ChainPath[]): T[] {
  const rank = new Map<string, number>();
  for (const path of paths) for (const hop of path.hops) if (!rank.has(hop.citation.id)) rank.set(hop.citation.id, rank.size);
  const rankOf = (id: string) => rank.get(id) ?? rank.size;
  return [...citations].sort((a, b) => rankOf(a.id) - rankOf(b.id));
}
