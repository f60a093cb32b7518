import { CLAIM_STATUSES, claimStatusDisplay, type ClaimStatus } from "@/lib/claims/status";
import { countOf } from "@/lib/text/plural";

const barColours: Record<ClaimStatus, string> = {
  unchecked: "bg-slate-300",
  in_progress: "bg-sky-500",
  needs_review: "bg-amber-500",
  done: "bg-emerald-600",
};

/** Claims by status as a stacked bar, with the same figures in text beside it. */
export function ClaimProgress({ counts, total }: { counts: Record<ClaimStatus, number>; total: number }) {
  if (total === 0) return <p className="text-sm text-slate-500">No claims yet</p>;
  const done = counts.done;
  return (
    <div className="space-y-1">
      <div
        className="flex h-2 w-full overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={`${done} of ${countOf(total, "claim")} done`}
      >
        {CLAIM_STATUSES.map((status) =>
          counts[status] ? <span key={status} className={barColours[status]} style={{ width: `${(counts[status] / total) * 100}%` }} /> : null,
        )}
      </div>
      <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
        {CLAIM_STATUSES.filter((status) => counts[status] > 0).map((status) => (
          <span key={status}>
            <span aria-hidden="true">{claimStatusDisplay[status].glyph}</span> {counts[status]} {claimStatusDisplay[status].label.toLowerCase()}
          </span>
        ))}
      </p>
    </div>
  );
}
