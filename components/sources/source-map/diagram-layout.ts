import type { GraphEdge, GraphNode, SourceGraph } from "@/lib/sources/map-graph";

export const NODE_WIDTH = 164;
export const NODE_HEIGHT = 50;
const COLUMN_GAP = 84;
const ROW_GAP = 30;
const PADDING = 16;
/** Room under the boxes for edges that curve back (loops, same column). */
const RETURN_ROOM = 48;
const LABEL_HEIGHT = 16;

export type Point = { x: number; y: number };
export type PlacedNode = GraphNode & Point;
export type PlacedEdge = GraphEdge & { path: string; label: Point & { width: number; text: string } };
export type DiagramLayout = { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] };

/**
 * Columns by layer (the article on the left, origins to the right), boxes centred in each
 * column and ordered by where the boxes pointing at them sit (fewer crossings); edges as
 * curves, parallel ones spread apart, labels nudged down until they do not overlap. Plain
 * arithmetic, so the diagram renders on the server without a layout library.
 */
export function layOutDiagram(graph: SourceGraph): DiagramLayout {
  const columns = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) columns.set(node.layer, [...(columns.get(node.layer) ?? []), node]);
  const tallest = Math.max(...[...columns.values()].map((column) => column.length));
  const lastLayer = Math.max(...columns.keys());
  const nodes = new Map<string, PlacedNode>();
  for (const [layer, column] of [...columns].sort(([a], [b]) => a - b)) {
    const middle = (node: GraphNode) => averageSourceY(node.id, graph.edges, nodes);
    column.sort((a, b) => middle(a) - middle(b) || b.claimIds.length - a.claimIds.length || a.name.localeCompare(b.name));
    const offset = ((tallest - column.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    column.forEach((node, index) => {
      nodes.set(node.id, { ...node, x: PADDING + layer * (NODE_WIDTH + COLUMN_GAP), y: PADDING + offset + index * (NODE_HEIGHT + ROW_GAP) });
    });
  }
  const boxesHeight = tallest * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
  const labels: (Point & { width: number })[] = [];
  const edges = graph.edges.map((edge) => placeEdge(edge, nodes, graph.edges, labels));
  return {
    width: PADDING * 2 + lastLayer * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH,
    height: PADDING * 2 + boxesHeight + RETURN_ROOM,
    nodes: [...nodes.values()],
    edges,
  };
}

/** Where the boxes already placed that point at `nodeId` sit, on average; unplaced ones go last. */
function averageSourceY(nodeId: string, edges: readonly GraphEdge[], placed: ReadonlyMap<string, PlacedNode>): number {
  const ys = edges.filter((edge) => edge.to === nodeId && !edge.isLoop).flatMap((edge) => placed.get(edge.from)?.y ?? []);
  return ys.length === 0 ? Number.MAX_SAFE_INTEGER : ys.reduce((sum, y) => sum + y, 0) / ys.length;
}

function placeEdge(edge: GraphEdge, nodes: ReadonlyMap<string, PlacedNode>, all: readonly GraphEdge[], labels: (Point & { width: number })[]): PlacedEdge {
  const from = nodes.get(edge.from)!;
  const to = nodes.get(edge.to)!;
  const siblings = all.filter((other) => other.from === edge.from && other.to === edge.to);
  const spread = (siblings.indexOf(edge) - (siblings.length - 1) / 2) * 8;
  let points: [Point, Point, Point, Point];
  if (to.x > from.x) {
    const start = { x: from.x + NODE_WIDTH, y: from.y + NODE_HEIGHT / 2 + spread };
    const end = { x: to.x - 2, y: to.y + NODE_HEIGHT / 2 + spread };
    const bend = (end.x - start.x) / 2;
    points = [start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end];
  } else {
    // Backwards or within a column: leave from the bottom and come back in from below.
    const start = { x: from.x + NODE_WIDTH / 2 + spread, y: from.y + NODE_HEIGHT };
    const end = { x: to.x + NODE_WIDTH / 2 + spread, y: to.y + NODE_HEIGHT + 2 };
    const low = Math.max(start.y, end.y) + RETURN_ROOM - 8;
    points = [start, { x: start.x, y: low }, { x: end.x, y: low }, end];
  }
  const [p0, p1, p2, p3] = points;
  const path = `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`;
  const text = `${edge.isLoop ? "loop · " : ""}${edge.relation}${edge.claimIds.length > 1 ? ` · ${edge.claimIds.length}` : ""}`;
  const width = text.length * 6.2 + 10;
  // In the gap after the source's box, so a long edge is labelled where it starts.
  const anchor = to.x > from.x ? findPointAtX(points, Math.min(p0.x + COLUMN_GAP / 2, (p0.x + p3.x) / 2)) : pointOnCurve(points, 0.5);
  const label = { x: anchor.x - width / 2, y: anchor.y - LABEL_HEIGHT / 2, width };
  for (let tries = 0; tries < 6 && labels.some((placed) => overlaps(placed, label)); tries++) label.y += LABEL_HEIGHT + 2;
  labels.push(label);
  return { ...edge, path, label: { ...label, text } };
}

function pointOnCurve([p0, p1, p2, p3]: [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const at = (a: number, b: number, c: number, d: number) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
  return { x: at(p0.x, p1.x, p2.x, p3.x), y: at(p0.y, p1.y, p2.y, p3.y) };
}

/** The curve's point at `x` (its x grows with t when it runs left to right), by bisection. */
function findPointAtX(points: [Point, Point, Point, Point], x: number): Point {
  let [low, high] = [0, 1];
  for (let step = 0; step < 16; step++) {
    const middle = (low + high) / 2;
    if (pointOnCurve(points, middle).x < x) low = middle;
    else high = middle;
  }
  return pointOnCurve(points, (low + high) / 2);
}

function overlaps(a: Point & { width: number }, b: Point & { width: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + LABEL_HEIGHT && b.y < a.y + LABEL_HEIGHT;
}

export const DIAGRAM_LABEL_HEIGHT = LABEL_HEIGHT;
