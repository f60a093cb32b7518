import { StatusBadge } from "@/components/workspace/status";
import { CLAIM_STATUSES } from "@/lib/claims/status";
import { describeVerdictShares } from "@/lib/reports/formats/wording";
import type { Report } from "@/lib/reports/model";
import { countOf } from "@/lib/text/plural";

const listClaims = (numbers: number[]) => (numbers.length ? numbers.map((number) => `#${number}`).join(", ") : "none");

/** What the report will say, before exporting it: the figures an editor-in-chief reads first. */
export function ReportPreview({ report }: { report: Pick<Report, "summary" | "scale"> }) {
  const { summary } = report;
  const open = summary.openQuestions;
  const { withVerdict, accurate } = describeVerdictShares(report);
  return (
    <section aria-labelledby="report-summary" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="report-summary" className="text-lg font-semibold">In this report</h2>
      <ul className="text-sm">
        <li><strong>{countOf(summary.claimCount, "claim")}</strong></li>
        <li><strong>{withVerdict.value}</strong> {withVerdict.words}</li>
        <li><strong>{accurate.value}</strong> {accurate.words}</li>
      </ul>
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
