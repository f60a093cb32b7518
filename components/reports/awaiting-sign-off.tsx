import Link from "next/link";
import type { TeamDashboard } from "@/lib/reports/dashboard";
import { formatDay } from "@/lib/text/dates";

type Props = { teamSlug: string; claims: TeamDashboard["awaitingSignOff"]; count: number; requiresSignOff: boolean };

/** Verdicts given and not yet signed off, oldest first: what a second editor should look at next. */
export function AwaitingSignOff({ teamSlug, claims, count, requiresSignOff }: Props) {
  if (!requiresSignOff) {
    return <p className="text-sm text-slate-600">Your team does not require a second editor&apos;s sign-off, so no verdict waits for one.</p>;
  }
  if (claims.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No verdict is waiting for a sign-off.</p>;
  }
  return (
    <div className="space-y-2">
      <ul aria-label="Waiting for sign-off" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {claims.map((claim) => (
          <li key={claim.id} className="flex flex-wrap items-start justify-between gap-2 p-4">
            <div className="min-w-0 flex-1">
              <Link href={`/t/${teamSlug}/articles/${claim.article.id}/claims/${claim.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {claim.statement}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {claim.article.title} · verdict by {claim.verdictBy ?? "someone"}
                {claim.verdictAt ? ` on ${formatDay(claim.verdictAt)}` : ""}
              </p>
            </div>
            {claim.verdictLabel ? (
              <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">
                <span aria-hidden="true">◆ </span>
                {claim.verdictLabel}, awaiting sign-off
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {count > claims.length ? <p className="text-sm text-slate-600">Showing the oldest {claims.length} of {count}.</p> : null}
    </div>
  );
}
