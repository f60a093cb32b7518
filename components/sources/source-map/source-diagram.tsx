import { ARTICLE_NODE, focusSourceGraph, limitSourceGraph, type SourceGraph } from "@/lib/sources/map-graph";
import type { CitationRelation } from "@/lib/sources/types";
import { DIAGRAM_LABEL_HEIGHT, layOutDiagram, NODE_HEIGHT, type PlacedNode } from "./diagram-layout";
import { DiagramViewport } from "./diagram-viewport";
import { countOf, pluralize } from "@/lib/text/plural";

/** Each relation has its own dash pattern as well as its colour and its word on the edge. */
const RELATION_LINES: Record<CitationRelation, { stroke: string; dash?: string; width: number; meaning: string }> = {
  states: { stroke: "#334155", width: 2, meaning: "solid line: the source states the claim" },
  corroborates: { stroke: "#1d4ed8", dash: "8 4", width: 2, meaning: "dashed line: it corroborates the claim" },
  contradicts: { stroke: "#b91c1c", dash: "1 5", width: 3, meaning: "dotted line: it contradicts the claim" },
  context: { stroke: "#64748b", dash: "10 4 2 4", width: 1.5, meaning: "dash-dot line: it gives context only" },
};
const RELATIONS = Object.keys(RELATION_LINES) as CitationRelation[];

/** More sources than this and the whole map is drawn only in part (most leaned-on first), unless one is in focus. */
export const MAX_DRAWN_SOURCES = 40;

type Props = {
  graph: SourceGraph;
  numberByClaimId: ReadonlyMap<string, number>;
  /** The source in focus (the page's `?focus=`), drawn with its neighbours only. */
  focusId?: string | null;
  /** The page's own address, for the focus form and its "whole map" link. */
  pageHref: string;
};

/**
 * The article, the sources it cites and the origins they lead back to, as inline SVG laid out on
 * the server. An arrow points from a source to the one it reports; the same links are listed as
 * text. A large map can be narrowed to one source and its neighbours, and zoomed.
 */
export function SourceDiagram({ graph, numberByClaimId, focusId, pageHref }: Props) {
  if (graph.edges.length === 0) {
    return (
      <section aria-labelledby="source-diagram-heading" className="space-y-2">
        <h2 id="source-diagram-heading" className="text-lg font-semibold">
          Diagram
        </h2>
        <p className="text-sm text-slate-600">Nothing to draw yet: no claim has a citation.</p>
      </section>
    );
  }
  const focused = focusId ? focusSourceGraph(graph, focusId) : null;
  const { graph: drawn, hiddenCount } = focused ? { graph: focused, hiddenCount: 0 } : limitSourceGraph(graph, MAX_DRAWN_SOURCES);
  const layout = layOutDiagram(drawn);
  const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const sources = graph.nodes.filter((node) => node.id !== ARTICLE_NODE).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="source-diagram-heading" className="min-w-0 space-y-3">
      <h2 id="source-diagram-heading" className="text-lg font-semibold">
        Diagram
      </h2>
      <DiagramLegend />
      <form method="get" action={pageHref} className="flex flex-wrap items-end gap-2 text-sm">
        <div className="min-w-0 space-y-1">
          <label htmlFor="source-diagram-focus" className="block font-medium text-slate-800">
            Focus on a source
          </label>
          <select id="source-diagram-focus" name="focus" defaultValue={focused ? (focusId ?? "") : ""} className="block max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="">The whole map</option>
            {sources.map((node) => (
              <option key={node.id} value={node.id}>
                {node.name} ({countOf(node.claimIds.length, "claim")})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
          Show
        </button>
        {focused ? (
          <a href={pageHref} className="py-1.5 text-brand-700 underline underline-offset-2">
            Show the whole map
          </a>
        ) : null}
      </form>
      <p className="text-sm text-slate-600" role="status">
        {focused
          ? `Showing ${nameOf.get(focusId ?? "")} and the ${countOf(drawn.nodes.length - 1, "source")} next to it.`
          : hiddenCount > 0
            ? `Showing the ${MAX_DRAWN_SOURCES} sources most claims pass through; ${hiddenCount} more are in the list below. Focus on a source to see it with its neighbours.`
            : `Showing all ${drawn.nodes.length - 1} sources.`}
      </p>
      <DiagramViewport width={layout.width} height={layout.height} labelledBy="source-diagram-heading">
        <svg width="100%" height="100%" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby="source-diagram-title" className="font-sans">
          <title id="source-diagram-title">
            The article, the sources it cites and the origins they lead back to; the same links are listed below the diagram.
          </title>
          <defs>
            {RELATIONS.map((relation) => (
              <marker key={relation} id={`source-map-arrow-${relation}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill={RELATION_LINES[relation].stroke} />
              </marker>
            ))}
          </defs>
          {layout.edges.map((edge) => {
            const line = RELATION_LINES[edge.relation];
            return (
              <path
                key={`${edge.from}-${edge.to}-${edge.relation}`}
                d={edge.path}
                fill="none"
                stroke={line.stroke}
                strokeWidth={line.width}
                strokeDasharray={line.dash}
                strokeLinecap="round"
                markerEnd={`url(#source-map-arrow-${edge.relation})`}
              />
            );
          })}
          {layout.edges.map((edge) => (
            <g key={`label-${edge.from}-${edge.to}-${edge.relation}`} aria-hidden="true">
              <rect x={edge.label.x} y={edge.label.y} width={edge.label.width} height={DIAGRAM_LABEL_HEIGHT} rx="3" fill="white" stroke={RELATION_LINES[edge.relation].stroke} strokeWidth="0.75" />
              <text x={edge.label.x + edge.label.width / 2} y={edge.label.y + 12} textAnchor="middle" fontSize="11" fill="#0f172a">
                {edge.label.text}
              </text>
            </g>
          ))}
          {layout.nodes.map((node) => (
            <DiagramNode key={node.id} node={node} />
          ))}
        </svg>
      </DiagramViewport>
      <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">The diagram as a list{focused ? " (the whole map)" : ""}</summary>
        <ul className="mt-2 space-y-1 text-slate-800">
          {graph.edges.map((edge) => (
            <li key={`text-${edge.from}-${edge.to}-${edge.relation}`}>
              {edge.from === ARTICLE_NODE ? "The article" : nameOf.get(edge.from)} {edge.from === ARTICLE_NODE ? "cites" : "reports"}{" "}
              {nameOf.get(edge.to)} ({edge.relation}
              {edge.isLoop ? ", closing a loop" : ""}) for {pluralize(edge.claimIds.length, "claim")}{" "}
              {edge.claimIds.map((id) => numberByClaimId.get(id)).join(", ")}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function DiagramNode({ node }: { node: PlacedNode }) {
  const isArticle = node.kind === "article";
  const stroke = node.end === "origin" ? "#047857" : node.end === "unreached" ? "#c2410c" : "#94a3b8";
  return (
    <g>
      <title>{isArticle ? `The article: ${node.name}` : `${node.name}: ${node.detail}`}</title>
      {/* A reached origin gets a double border, a source where a trace only stops a dashed one. */}
      {node.end === "origin" ? (
        <rect x={node.x - 4} y={node.y - 4} width={node.width + 8} height={NODE_HEIGHT + 8} rx="11" fill="none" stroke={stroke} strokeWidth="1.5" />
      ) : null}
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={NODE_HEIGHT}
        rx="8"
        fill={isArticle ? "#0f172a" : node.end === "origin" ? "#ecfdf5" : "white"}
        stroke={isArticle ? "#0f172a" : stroke}
        strokeWidth={node.end ? 2 : 1}
        strokeDasharray={node.end === "unreached" ? "6 3" : undefined}
      />
      <text x={node.x + 10} y={node.y + 21} fontSize="13" fontWeight="600" fill={isArticle ? "white" : "#0f172a"}>
        {node.label}
      </text>
      <text x={node.x + 10} y={node.y + 39} fontSize="11" fill={isArticle ? "#cbd5e1" : "#475569"}>
        {node.detail}
      </text>
    </g>
  );
}

function DiagramLegend() {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
      {RELATIONS.map((relation) => {
        const line = RELATION_LINES[relation];
        return (
          <li key={relation} className="flex items-center gap-1.5">
            <svg width="36" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="35" y2="4" stroke={line.stroke} strokeWidth={line.width} strokeDasharray={line.dash} strokeLinecap="round" />
            </svg>
            <span>
              <strong className="font-semibold text-slate-800">{relation}</strong> — {line.meaning}
            </span>
          </li>
        );
      })}
      <li>Double border: an origin reached · dashed border: a trace stops there, short of an origin · the number on an edge: claims</li>
    </ul>
  );
}
