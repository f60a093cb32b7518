import type { ClaimTrace } from "@/lib/sources/chain-types";
import { ProvenanceDiagram } from "./provenance-diagram";
import { describeIndependence, warningLabels } from "./relation-style";
import { countOf } from "@/lib/text/plural";

/** Where the claim comes from: the trace in one sentence, how independent it is, what to fix, the paths. */
export function ProvenancePanel({ trace }: { trace: ClaimTrace }) {
  const independence = describeIndependence(trace.tally);
  return (
    <section aria-labelledby="provenance-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="provenance-heading" className="text-lg font-semibold text-slate-900">
        Provenance
      </h2>
      <div className="space-y-2">
        <p className="text-xl font-semibold text-slate-900" data-testid="trace-summary">
          {trace.summary}
        </p>
        <p className="flex flex-wrap gap-2">
          <Badge className={independence.className} glyph={independence.glyph}>
            {independence.text}
          </Badge>
          {trace.contradictingOrigins > 0 ? (
            <Badge className="bg-red-50 text-red-800 ring-red-300" glyph="✕">
              contradicted by {countOf(trace.contradictingOrigins, "source")}
            </Badge>
          ) : null}
        </p>
      </div>
      {trace.warnings.length > 0 ? (
        <ul aria-label="Provenance warnings" className="space-y-1">
          {trace.warnings.map((warning, index) => (
            <li key={`${warning.kind}-${index}`} className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
              <span aria-hidden="true">⚠</span>
              <span>
                <strong className="font-semibold">{warningLabels[warning.kind]}:</strong> {warning.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ProvenanceDiagram paths={trace.paths} />
    </section>
  );
}

function Badge({ className, glyph, children }: { className: string; glyph: string; children: React.ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${className}`}>
      <span aria-hidden="true">{glyph}</span>
      {children}
    </span>
  );
}
