import type { CitationRelation } from "@/lib/sources/types";
import type { ChainWarningKind, PathEnd } from "@/lib/sources/chain-types";
import type { OriginTally } from "@/lib/sources/origin-tally";

/**
 * How a relation is drawn: each has its own line style and glyph besides its label and colour,
 * so "contradicts" (dashed, ✕) never depends on seeing red.
 */
export const relationStyles: Record<CitationRelation, { glyph: string; line: string; text: string }> = {
  states: { glyph: "→", line: "border-t-2 border-solid border-slate-600", text: "text-slate-700" },
  corroborates: { glyph: "⇉", line: "border-t-4 border-double border-emerald-700", text: "text-emerald-800" },
  contradicts: { glyph: "✕", line: "border-t-2 border-dashed border-red-600", text: "text-red-700" },
  context: { glyph: "ⓘ", line: "border-t-2 border-dotted border-slate-400", text: "text-slate-500" },
};

/** How a provenance path ends, in words and a glyph. */
export const pathEnds: Record<PathEnd, { glyph: string; label: string; className: string }> = {
  origin: { glyph: "✓", label: "Origin reached", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
  not_reached: { glyph: "…", label: "Origin not reached", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  cycle: { glyph: "↻", label: "Loop", className: "bg-red-50 text-red-800 ring-red-300" },
  missing_link: { glyph: "⚠", label: "Missing link", className: "bg-red-50 text-red-800 ring-red-300" },
};

export const warningLabels: Record<ChainWarningKind, string> = {
  no_origin_reached: "No origin reached",
  cycle: "Loop",
  single_origin: "One source repeated",
  missing_link: "Missing link",
  unknown_source: "Unknown source",
  origin_mid_chain: "Origin mid-chain",
};

/**
 * The independence badge, in the words of `tallyOrigins`: only reached ends are origins, so a
 * trace that stops at an outlet never reads as "1 origin". Amber is kept for the weakness editors
 * must notice, one origin repeated by several sources; a first-hand origin is not one.
 */
export function describeIndependence(tally: OriginTally): { glyph: string; text: string; className: string } {
  const count = tally.independentOrigins;
  if (count === 0) return { glyph: "○", text: "No origin reached yet", className: "bg-slate-100 text-slate-700 ring-slate-300" };
  if (tally.restsOnSingleOrigin) {
    return { glyph: "⚠", text: `1 origin, repeated by ${tally.citedSourceCount} sources`, className: "bg-amber-50 text-amber-900 ring-amber-300" };
  }
  if (count === 1) return { glyph: "✓", text: "1 origin", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" };
  return { glyph: "✓", text: `${count} independent origins`, className: "bg-emerald-50 text-emerald-800 ring-emerald-300" };
}
