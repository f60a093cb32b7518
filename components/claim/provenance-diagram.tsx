import { citationRelationLabels } from "@/lib/sources/types";
import type { ChainHop, ChainPath } from "@/lib/sources/chain-types";
import { pathEnds, relationStyles } from "./relation-style";

/**
 * Each path from the article's citation to where the trace ends, drawn left to right (wrapping
 * on narrow screens) with HTML boxes and arrows. It is a list of lists, so a screen reader reads
 * "This article; cites, states: The Daily Beast; got it from, states: the Duma bill, origin".
 */
export function ProvenanceDiagram({ paths }: { paths: ChainPath[] }) {
  if (paths.length === 0) return <p className="text-sm text-slate-600">No citations yet, so nothing to trace.</p>;
  return (
    <ol aria-label="Provenance paths" className="space-y-3">
      {paths.map((path, index) => (
        <li key={`${path.hops[0]?.citation.id ?? index}`} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <p className="mb-1 text-xs font-medium text-slate-500">
            Path {index + 1}
            <span className="sr-only">: {pathEnds[path.end].label}</span>
          </p>
          <ol className="flex flex-wrap items-center gap-y-2">
            <li className="flex items-center">
              <Box>This article</Box>
            </li>
            {path.hops.map((hop, hopIndex) => (
              <li key={`${hop.citation.id}-${hopIndex}`} className="flex items-center">
                <Arrow hop={hop} isFirst={hopIndex === 0} />
                <Box isOrigin={hop.citation.isOrigin}>{hop.source?.name ?? "Unknown source"}</Box>
              </li>
            ))}
            <li className="ml-2 flex items-center">
              <EndMark path={path} />
            </li>
          </ol>
        </li>
      ))}
    </ol>
  );
}

function Box({ children, isOrigin = false }: { children: React.ReactNode; isOrigin?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md border bg-white px-2 py-1 text-sm font-medium ${isOrigin ? "border-emerald-500 ring-1 ring-emerald-500" : "border-slate-300"}`}
    >
      {children}
      {isOrigin ? (
        <span className="text-xs text-emerald-800">
          <span aria-hidden="true">✓</span> origin
        </span>
      ) : null}
    </span>
  );
}

/** The link into a hop: its line style and label say the relation; the first is the article's own citation. */
function Arrow({ hop, isFirst }: { hop: ChainHop; isFirst: boolean }) {
  const style = relationStyles[hop.citation.relation];
  return (
    <span className="mx-1 flex flex-col items-center px-1">
      <span className={`text-xs ${style.text}`}>
        <span className="sr-only">{isFirst ? "cites, " : "got it from, "}</span>
        <span aria-hidden="true">{style.glyph} </span>
        {citationRelationLabels[hop.citation.relation].toLowerCase()}
      </span>
      <span aria-hidden="true" className="flex w-16 items-center">
        <span className={`flex-1 ${style.line}`} />
        <span className={`-ml-1 text-xs leading-none ${style.text}`}>▶</span>
      </span>
    </span>
  );
}

function EndMark({ path }: { path: ChainPath }) {
  const end = pathEnds[path.end];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${end.className}`}>
      <span aria-hidden="true">{end.glyph}</span>
      {end.label}
    </span>
  );
}
