import type { Citation } from "./types";

/**
 * Where following a citation's via pointers leads:
 * end: a citation with no via (`citationId`), which may or may not be marked as the origin;
 * missing: a via naming a citation that is not in the set (`citationId` is the last one present);
 * cycle: the via pointers go round in a cycle (`citationIds`, in via order).
 */
export type ChainEnd =
  | { kind: "end"; citationId: string }
  | { kind: "missing"; citationId: string; viaCitationId: string }
  | { kind: "cycle"; citationIds: string[] };

type Relay = Pick<Citation, "id" | "viaCitationId">;

/**
 * The end of every citation's chain, each citation visited once (O(n)):
 * a walk stops at the first citation already resolved, and every citation
 * it passed shares that answer. Cycles are found, never followed twice.
 */
export function resolveChainEnds(citations: readonly Relay[]): Map<string, ChainEnd> {
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const ends = new Map<string, ChainEnd>();
  const onWalk = new Map<string, number>();
  for (const start of citations) {
    if (ends.has(start.id)) continue;
    const walk: string[] = [];
    let current: Relay = start;
    let end: ChainEnd;
    for (;;) {
      const known = ends.get(current.id);
      if (known) {
        end = known;
        break;
      }
      const position = onWalk.get(current.id);
      if (position !== undefined) {
        end = { kind: "cycle", citationIds: walk.slice(position) };
        break;
      }
      onWalk.set(current.id, walk.length);
      walk.push(current.id);
      const viaId = current.viaCitationId;
      if (!viaId) {
        end = { kind: "end", citationId: current.id };
        break;
      }
      const via = byId.get(viaId);
      if (!via) {
        end = { kind: "missing", citationId: current.id, viaCitationId: viaId };
        break;
      }
      current = via;
    }
    for (const id of walk) {
      ends.set(id, end);
      onWalk.delete(id);
    }
  }
  return ends;
}

/**
 * The citations the article itself makes: those no other citation relays
 * through. Citations on a cycle that nothing leads into are added after them
 * (first in input order per cycle), so every citation starts or lies on a path.
 */
export function listChainStarts(citations: readonly Relay[], ends: ReadonlyMap<string, ChainEnd>): string[] {
  const relayed = new Set<string>();
  for (const citation of citations) {
    if (citation.viaCitationId) relayed.add(citation.viaCitationId);
  }
  const starts = citations.filter((citation) => !relayed.has(citation.id)).map((citation) => citation.id);
  const reachedCycles = new Set<ChainEnd>(starts.map((id) => ends.get(id) as ChainEnd));
  for (const citation of citations) {
    const end = ends.get(citation.id) as ChainEnd;
    if (end.kind === "cycle" && !reachedCycles.has(end)) {
      reachedCycles.add(end);
      starts.push(citation.id);
    }
  }
  return starts;
}
