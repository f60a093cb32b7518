import { CLAIM_STATUSES, claimStatusDisplay } from "@/lib/claims/status";
import type { StatusPoint } from "@/lib/reports/status-series";

/** The chart's figures, day by day, for screen readers and for anyone who wants the numbers. */
export function StatusTable({ series }: { series: StatusPoint[] }) {
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">Claims by status per day, as a table</summary>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-right text-sm tabular-nums">
          <caption className="sr-only">Claims by status at the end of each day (UTC)</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">Day</th>
              {CLAIM_STATUSES.map((status) => (
                <th key={status} scope="col" className="px-3 py-1.5 font-medium">
                  <span aria-hidden="true">{claimStatusDisplay[status].glyph} </span>
                  {claimStatusDisplay[status].label}
                </th>
              ))}
              <th scope="col" className="px-3 py-1.5 font-medium">All claims</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {series.map((point) => (
              <tr key={point.date}>
                <th scope="row" className="px-3 py-1 text-left font-normal">{point.date}</th>
                {CLAIM_STATUSES.map((status) => <td key={status} className="px-3 py-1">{point.counts[status]}</td>)}
                <td className="px-3 py-1 font-medium">{point.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
