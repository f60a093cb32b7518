import Link from "next/link";
import { verdictStyles } from "@/components/claim/verdict-badge";
import { claimStatusDisplay } from "@/lib/claims/status";
import type { TrackClaim } from "@/lib/sources/track-record-queries";
import { formatDay } from "@/lib/text/dates";
import { countOf, formatCount } from "@/lib/text/plural";


/** The claims behind one number of a track record: article, claim, verdict and its date. */
export function TrackClaims({ team, caption, claims, total }: { team: string; caption: string; claims: TrackClaim[]; total: number }) {
  return (
    <section aria-labelledby="track-claims" className="space-y-2">
      <h3 id="track-claims" className="text-base font-semibold" tabIndex={-1}>
        Claims behind the number: {caption}
      </h3>
      {claims.length === 0 ? (
        <p className="text-sm text-slate-600">No claim is behind this number (it may have changed since the page was loaded).</p>
      ) : (
        <>
          {total > claims.length ? (
            <p className="text-sm text-slate-600">The newest {formatCount(claims.length)} of {countOf(total, "claim")}; choose a period to see the rest.</p>
          ) : null}
          <div className="relative overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Claims behind the number: {caption}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Claim</th>
                  <th scope="col" className="px-3 py-2">Article</th>
                  <th scope="col" className="px-3 py-2">Verdict</th>
                  <th scope="col" className="px-3 py-2">Given</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {claims.map((claim) => (
                  <tr key={claim.id}>
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link href={`/t/${team}/articles/${claim.article.id}/claims/${claim.id}`} className="font-medium text-slate-900 underline-offset-2 hover:text-brand-700 hover:underline">
                        {claim.statement}
                      </Link>
                      {claim.isStop ? <p className="text-xs text-slate-600">Traced as far as this source; no origin reached</p> : null}
                    </th>
                    <td className="px-3 py-2">
                      <Link href={`/t/${team}/articles/${claim.article.id}`} className="text-slate-800 underline-offset-2 hover:text-brand-700 hover:underline">
                        {claim.article.title}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <span className="font-semibold">
                        <span aria-hidden="true">{verdictStyles[claim.verdict].glyph} </span>
                        {claim.verdictLabel}
                      </span>
                      {claim.status !== "done" ? <span className="block text-xs text-slate-600">{claimStatusDisplay[claim.status].label}</span> : null}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">{claim.verdictAt ? formatDay(claim.verdictAt) : "not recorded"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
