import type { SourceRole } from "@/lib/sources/map-overview";

/** Glyph and short word shown in the cell; the full sentence is for screen readers and the legend. */
export const ROLE_DISPLAY: Record<SourceRole, { glyph: string; word: string; meaning: string; className: string }> = {
  origin: { glyph: "✓", word: "origin", meaning: "origin, reached and marked as the origin", className: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-400" },
  unreached: { glyph: "?", word: "stops here", meaning: "the trace stops here; not marked as the origin", className: "border border-dashed border-orange-600 bg-orange-50 text-orange-950" },
  loop: { glyph: "↻", word: "loop", meaning: "on a chain that loops back on itself", className: "border-2 border-double border-red-600 bg-red-50 text-red-900" },
  relays: { glyph: "→", word: "relays", meaning: "relays the claim from a source further along", className: "bg-slate-100 text-slate-800" },
  contradicts: { glyph: "✗", word: "contradicts", meaning: "contradicts the claim", className: "bg-white text-red-800 ring-1 ring-red-300" },
  context: { glyph: "·", word: "context", meaning: "gives context only", className: "bg-white text-slate-600 ring-1 ring-slate-200" },
};

/** One cell of the matrix: what `source` is to the claim, or nothing. */
export function SourceRoleCell({ role }: { role: SourceRole | undefined }) {
  if (!role) {
    return (
      <td className="px-2 py-2 text-center text-slate-300">
        <span aria-hidden="true">·</span>
        <span className="sr-only">not on its chains</span>
      </td>
    );
  }
  const display = ROLE_DISPLAY[role];
  return (
    <td className="px-2 py-2 text-center">
      <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${display.className}`}>
        <span aria-hidden="true" className="font-semibold">
          {display.glyph}
        </span>
        <span aria-hidden="true">{display.word}</span>
        <span className="sr-only">{display.meaning}</span>
      </span>
    </td>
  );
}

/** The glyphs explained once, above the matrix. */
export function RoleLegend() {
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {Object.values(ROLE_DISPLAY).map((display) => (
        <div key={display.word} className="flex items-center gap-1">
          <dt className={`rounded px-1.5 py-0.5 ${display.className}`}>
            <span aria-hidden="true">{display.glyph} </span>
            {display.word}
          </dt>
          <dd>{display.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
