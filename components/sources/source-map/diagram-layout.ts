import "server-only";
import dagre from "@dagrejs/dagre";
import type { GraphEdge, GraphNode, SourceGraph } from "@/lib/sources/map-graph";
import { fitText, measureText } from "@/lib/text/measure-text";
import { countOf } from "@/lib/text/plural";

const NAME_STYLE = { size: 13, isBold: true };
const DETAIL_STYLE = { size: 11 };
const LABEL_STYLE = { size: 11 };
const NODE_PADDING_X = 10;
const MIN_NODE_WIDTH = 110;
/** A longer name is cut with an ellipsis; its box's title gives it in full. */
const MAX_NAME_WIDTH = 220;
export const NODE_HEIGHT = 50;
export const DIAGRAM_LABEL_HEIGHT = 16;
const MARGIN = 16;

export type Point = { x: number; y: number };
/** `x`, `y`: the box's top left corner; `label`: the name as drawn (cut to fit), `detail` under it. */
export type PlacedNode = GraphNode & Point & { width: number; label: string; isCut: boolean; detail: string };
export type PlacedEdge = GraphEdge & { path: string; label: Point & { width: number; text: string } };
export type DiagramLayout = { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] };

const count = (ids: readonly string[]) => countOf(ids.length, "claim");

/**
 * What the source is to the claims, each role counted per claim (docs/decisions/0018): "✓ origin
 * for 2 claims · relays for 3 claims", "? trace stops here for 1 claim · relays for 5 claims".
 */
export function describeNodeRoles(node: GraphNode): string {
  if (node.kind === "article") return `cites for ${count(node.claimIds)}`;
  const parts: string[] = [];
  if (node.originClaimIds.length > 0) parts.push(`✓ origin for ${count(node.originClaimIds)}`);
  if (node.stopClaimIds.length > 0) parts.push(`? trace stops here for ${count(node.stopClaimIds)}`);
  if (node.relayClaimIds.length > 0) parts.push(`relays for ${count(node.relayClaimIds)}`);
  if (parts.length === 0) parts.push(`${node.kind ?? "source"} · ${count(node.claimIds)}`);
  return parts.join(" · ");
}

export function describeEdgeLabel(edge: GraphEdge): string {
  return `${edge.isLoop ? "loop · " : ""}${edge.relation}${edge.claimIds.length > 1 ? ` · ${edge.claimIds.length}` : ""}`;
}

/**
 * Laid out by dagre (layered, left to right: the article, the sources it cites, the origins they
 * lead back to), on the server. Boxes are sized by the measured text; edge labels are placed by
 * dagre as nodes of their own, so no label sits on a box and none on another.
 */
export function layOutDiagram(graph: SourceGraph): DiagramLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 56, edgesep: 12, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const sized = new Map<string, Omit<PlacedNode, "x" | "y">>();
  for (const node of graph.nodes) {
    const name = fitText(node.kind === "article" ? "The article" : node.name, MAX_NAME_WIDTH, NAME_STYLE);
    const detail = describeNodeRoles(node);
    const width = Math.max(MIN_NODE_WIDTH, Math.ceil(Math.max(name.width, measureText(detail, DETAIL_STYLE)) + NODE_PADDING_X * 2));
    sized.set(node.id, { ...node, width, label: name.text, isCut: name.isCut, detail });
    g.setNode(node.id, { width, height: NODE_HEIGHT });
  }
  graph.edges.forEach((edge, index) => {
    const text = describeEdgeLabel(edge);
    g.setEdge(edge.from, edge.to, { width: Math.ceil(measureText(text, LABEL_STYLE)) + 10, height: DIAGRAM_LABEL_HEIGHT, labelpos: "c" }, String(index));
  });
  dagre.layout(g);
  const nodes = [...sized.values()].map((node): PlacedNode => {
    const placed = g.node(node.id);
    return { ...node, x: placed.x - node.width / 2, y: placed.y - NODE_HEIGHT / 2 };
  });
  const edges = graph.edges.map((edge, index): PlacedEdge => {
    const placed = g.edge(edge.from, edge.to, String(index));
    const width = placed.width ?? 0;
    return {
      ...edge,
      path: drawThrough(placed.points ?? []),
      label: { x: (placed.x ?? 0) - width / 2, y: (placed.y ?? 0) - DIAGRAM_LABEL_HEIGHT / 2, width, text: describeEdgeLabel(edge) },
    };
  });
  const { width = 0, height = 0 } = g.graph();
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges };
}

/** A smooth path through dagre's points: straight ends, rounded bends (each bend a quadratic curve). */
function drawThrough(points: readonly Point[]): string {
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  let path = `M${round(first.x)},${round(first.y)}`;
  for (let index = 0; index < rest.length - 1; index++) {
    const bend = rest[index];
    const next = rest[index + 1];
    path += ` Q${round(bend.x)},${round(bend.y)} ${round((bend.x + next.x) / 2)},${round((bend.y + next.y) / 2)}`;
  }
  const last = rest[rest.length - 1] ?? first;
  return `${path} L${round(last.x)},${round(last.y)}`;
}

const round = (value: number) => Math.round(value * 10) / 10;
