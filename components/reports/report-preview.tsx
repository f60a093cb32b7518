import { StatusBadge } from "@/components/workspace/status";
import { CLAIM_STATUSES } from "@/lib/claims/status";
import type { ReportSummary } from "@/lib/reports/model";

const listClaims = (numbers: number[]) => (numbers.length ? numbers.map((number) => `#${number}`).join(", ") : "none");

/** What the report will say, before exporting it: the figures an editor-in-chief reads first. */
export function ReportPreview({ summary }: { summary: ReportSummary }) {
  const open = summary.openQuestions;
  return (
    <section aria-labelledby="report-summary" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="report-summary" className="text-lg font-semibold">In this report</h2>
      <p className="text-sm">
        <strong>{summary.claimCount}</strong> claims, <strong>{Math.round(summary.shareVerified * 100)}%</strong> with a final verdict.
      </p>
      <div className="flex flex-wrap gap-2">
        {CLAIM_STATUSES.map((status) => (
          <StatusBadge key={status} status={status} count={summary.byStatus[status]} />
        ))}
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">① Standing on a single origin</dt>
        <dd>{listClaims(summary.singleOriginClaims)}</dd>
        <dt className="font-medium">? No origin reached</dt>
        <dd>{listClaims(summary.noOriginReachedClaims)}</dd>
        <dt className="font-medium">Not done yet</dt>
        <dd>{listClaims(open.notDone)}</dd>
        <dt className="font-medium">Awaiting sign-off</dt>
        <dd>{listClaims(open.awaitingSignOff)}</dd>
      </dl>
    </section>
  );
}
