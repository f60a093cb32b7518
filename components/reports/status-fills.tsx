import { CLAIM_STATUSES, claimStatusDisplay } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";

/**
 * How each status is painted in the chart: the progress bars' colours, and a texture for the
 * two middle states, so the bands also differ in shape for editors who cannot tell the colours apart.
 */
const fills: Record<ClaimStatus, { className: string; texture?: "stripes" | "dots" }> = {
  unchecked: { className: "fill-slate-300" },
  in_progress: { className: "fill-sky-500", texture: "stripes" },
  needs_review: { className: "fill-amber-500", texture: "dots" },
  done: { className: "fill-emerald-600" },
};

const PATTERN_PREFIX = "status-fill-";

/** The SVG fill of a status: its texture pattern where it has one, else its colour class. */
export function fillOf(status: ClaimStatus): { className?: string; fill?: string } {
  return fills[status].texture ? { fill: `url(#${PATTERN_PREFIX}${status})` } : { className: fills[status].className };
}

/** The texture patterns, once per page (the chart and the legend swatches both point at them). */
export function StatusPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        {CLAIM_STATUSES.filter((status) => fills[status].texture).map((status) => (
          <pattern key={status} id={`${PATTERN_PREFIX}${status}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className={fills[status].className} />
            {fills[status].texture === "stripes" ? <rect width="2" height="6" className="fill-white/70" /> : <circle cx="3" cy="3" r="1.2" className="fill-amber-900/70" />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A status as the legend shows it: swatch, glyph and label (with a count when given). */
export function StatusKey({ status, count }: { status: ClaimStatus; count?: number }) {
  const display = claimStatusDisplay[status];
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <svg width="14" height="14" aria-hidden="true" focusable="false">
        <rect width="14" height="14" rx="2" {...fillOf(status)} />
      </svg>
      <span aria-hidden="true">{display.glyph}</span>
      {display.label}
      {count === undefined ? null : <span className="font-semibold tabular-nums">{count}</span>}
    </span>
  );
}
