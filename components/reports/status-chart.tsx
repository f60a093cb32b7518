import { CLAIM_STATUSES, claimStatusDisplay } from "@/lib/claims/status";
import type { StatusPoint } from "@/lib/reports/status-series";
import { CHART_BOX, layoutStatusChart } from "./chart-layout";
import { StatusKey, StatusPatterns, fillOf } from "./status-fills";
import { StatusTable } from "./status-table";

const describeCounts = (point: StatusPoint) =>
  CLAIM_STATUSES.map((status) => `${point.counts[status]} ${claimStatusDisplay[status].label.toLowerCase()}`).join(", ");

/** Claims by status per day as stacked bars, with a legend in words and the same figures as a table. */
export function StatusChart({ series }: { series: StatusPoint[] }) {
  const last = series.at(-1);
  if (!last) return null;
  const layout = layoutStatusChart(series);
  const baseline = CHART_BOX.height - CHART_BOX.bottom;
  const summary = `Claims by status per day, ${series[0].date} to ${last.date}. On ${last.date}: ${describeCounts(last)}. The table below lists every day.`;
  return (
    <figure className="space-y-3">
      <StatusPatterns />
      <svg viewBox={`0 0 ${CHART_BOX.width} ${CHART_BOX.height}`} role="img" aria-label={summary} className="h-auto w-full max-w-3xl text-slate-500">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={CHART_BOX.left} x2={CHART_BOX.width - CHART_BOX.right} y1={tick.y} y2={tick.y} className="stroke-slate-200" />
            <text x={CHART_BOX.left - 6} y={tick.y + 4} textAnchor="end" className="fill-current text-[11px]">{tick.value}</text>
          </g>
        ))}
        {layout.bars.map((bar, index) => (
          <g key={bar.date}>
            <title>{`${bar.date}: ${describeCounts(series[index])}`}</title>
            {/* A transparent full-height target, so the day's figures show on hover even over an empty day. */}
            <rect x={bar.x} y={CHART_BOX.top} width={bar.width} height={baseline - CHART_BOX.top} fill="transparent" />
            {bar.segments.map((segment) => (
              <rect key={segment.status} x={bar.x} y={segment.y} width={bar.width} height={segment.height} {...fillOf(segment.status)} />
            ))}
          </g>
        ))}
        <line x1={CHART_BOX.left} x2={CHART_BOX.width - CHART_BOX.right} y1={baseline} y2={baseline} className="stroke-slate-400" />
        {layout.dateLabels.map((label) => (
          <text key={label.date} x={label.x} y={CHART_BOX.height - 8} textAnchor={label.anchor} className="fill-current text-[11px]">{label.text}</text>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1">
        <span className="text-sm text-slate-600">On {last.date}:</span>
        {CLAIM_STATUSES.map((status) => <StatusKey key={status} status={status} count={last.counts[status]} />)}
      </figcaption>
      <StatusTable series={series} />
    </figure>
  );
}
