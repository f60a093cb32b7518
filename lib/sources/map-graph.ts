import type { ClaimTrace } from "./chain-types";
import type { CitationRelation, SourceKind } from "./types";

/** The article itself, the graph's single root. */
export const ARTICLE_NODE = "article";

/**
 * A box in the diagram. `layer` is the longest way from the article to the source, so every
 * chain reads left to right. What the source is to the claims is counted per role, in the terms of
 * docs/decisions/0018: `originClaimIds` where a chain ends here marked as the origin,
 * `stopClaimIds` where a chain stops here short of one, `relayClaimIds` where a chain passes
 * through. `end` is "origin" when some chain reaches it, "unreached" when chains only stop here.
 */
export type GraphNode = {
  id: string;
  name: string;
  kind: SourceKind | "article" | null;
  layer: number;
  claimIds: string[];
  originClaimIds: string[];
  stopClaimIds: string[];
  relayClaimIds: string[];
  end: "origin" | "unreached" | null;
};

/** "from reports `to`" for the claims listed, in chains of one relation; `isLoop` closes a cycle. */
export type GraphEdge = { from: string; to: string; relation: CitationRelation; claimIds: string[]; isLoop: boolean };

export type SourceGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

type TracedClaim = { claimId: string; trace: ClaimTrace };

/** Every chain of every claim, merged: the article -> the sources it cites -> the ones they relay. */
export function buildSourceGraph(articleName: string, claims: readonly TracedClaim[]): SourceGraph {
  const nodes = new Map<string, GraphNode>([
    [ARTICLE_NODE, { id: ARTICLE_NODE, name: articleName, kind: "article", layer: 0, claimIds: [], originClaimIds: [], stopClaimIds: [], relayClaimIds: [], end: null }],
  ]);
  const edges = new Map<string, GraphEdge>();
  const addEdge = (from: string, to: string, relation: CitationRelation, claimId: string, isLoop = false) => {
    if (from === to) return;
    const key = `${from}\u0000${to}\u0000${relation}`;
    const edge = edges.get(key) ?? { from, to, relation, claimIds: [], isLoop };
    if (!edge.claimIds.includes(claimId)) edge.claimIds.push(claimId);
    edges.set(key, edge);
  };
  const article = nodes.get(ARTICLE_NODE)!;
  for (const { claimId, trace } of claims) {
    for (const path of trace.paths) {
      if (path.hops.length > 0) addOnce(article.claimIds, claimId);
      let previous = ARTICLE_NODE;
      path.hops.forEach((hop, index) => {
        const { sourceId } = hop.citation;
        const node = nodes.get(sourceId) ?? {
          id: sourceId, name: hop.source?.name ?? "an unknown source", kind: hop.source?.kind ?? null, layer: 0,
          claimIds: [], originClaimIds: [], stopClaimIds: [], relayClaimIds: [], end: null,
        };
        node.layer = Math.max(node.layer, index + 1);
        addOnce(node.claimIds, claimId);
        if (index < path.hops.length - 1) addOnce(node.relayClaimIds, claimId);
        nodes.set(sourceId, node);
        addEdge(previous, sourceId, path.relation, claimId);
        previous = sourceId;
      });
      const last = path.hops[path.hops.length - 1];
      if (!last) continue;
      const lastNode = nodes.get(last.citation.sourceId)!;
      if (path.end === "origin") {
        addOnce(lastNode.originClaimIds, claimId);
        lastNode.end = "origin";
      } else if (path.end === "not_reached" || path.end === "missing_link") {
        addOnce(lastNode.stopClaimIds, claimId);
        if (lastNode.end === null) lastNode.end = "unreached";
      } else if (path.end === "cycle") {
        const back = path.hops.find((hop) => hop.citation.id === last.citation.viaCitationId);
        if (back) addEdge(last.citation.sourceId, back.citation.sourceId, path.relation, claimId, true);
      }
    }
  }
  const merged = [...edges.values()];
  pushLayersRight(nodes, merged);
  return { nodes: [...nodes.values()], edges: merged };
}

function addOnce(list: string[], id: string) {
  if (!list.includes(id)) list.push(id);
}

/**
 * Chains of different claims can disagree on depth (the bill one hop away here, three there);
 * each source moves right of everything that relays it. Bounded, since relay links may loop.
 */
function pushLayersRight(nodes: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[]) {
  for (let round = 0; round < nodes.size; round++) {
    let hasMoved = false;
    for (const edge of edges) {
      if (edge.isLoop) continue;
      const from = nodes.get(edge.from)!;
      const to = nodes.get(edge.to)!;
      if (to.layer <= from.layer) {
        to.layer = from.layer + 1;
        hasMoved = true;
      }
    }
    if (!hasMoved) return;
  }
}

/**
 * One source, the boxes it shares an edge with and those edges: what an editor reads to see
 * where one source sits in a large map. Null when the source is not on the map.
 */
export function focusSourceGraph(graph: SourceGraph, sourceId: string): SourceGraph | null {
  if (sourceId === ARTICLE_NODE || !graph.nodes.some((node) => node.id === sourceId)) return null;
  const edges = graph.edges.filter((edge) => edge.from === sourceId || edge.to === sourceId);
  const kept = new Set([sourceId, ...edges.flatMap((edge) => [edge.from, edge.to])]);
  return { nodes: graph.nodes.filter((node) => kept.has(node.id)), edges };
}

/**
 * The article and the `max` sources most claims pass through, with the edges between them; the
 * rest are counted, not drawn, so a map of a thousand claims stays legible.
 */
export function limitSourceGraph(graph: SourceGraph, max: number): { graph: SourceGraph; hiddenCount: number } {
  const sources = graph.nodes.filter((node) => node.id !== ARTICLE_NODE);
  if (sources.length <= max) return { graph, hiddenCount: 0 };
  const top = [...sources].sort((a, b) => b.claimIds.length - a.claimIds.length || a.name.localeCompare(b.name)).slice(0, max);
  const kept = new Set([ARTICLE_NODE, ...top.map((node) => node.id)]);
  return {
    graph: {
      nodes: graph.nodes.filter((node) => kept.has(node.id)),
      edges: graph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    },
    hiddenCount: sources.length - max,
  };
}
