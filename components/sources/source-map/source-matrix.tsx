import Link from "next/link";
import { StatusBadge } from "@/components/workspace/status";
import type { SourceMapClaim } from "@/lib/sources/map-queries";
import { listSourceRoles } from "@/lib/sources/map-overview";
import type { SourceUsage } from "@/lib/sources/source-map";
import { ProvenanceBadge, ProvenanceFlags } from "./provenance-badge";
import { RoleLegend, SourceRoleCell } from "./source-role-cell";
import { countOf } from "@/lib/text/plural";

type Column = { sourceId: string; name: string; claimCount: number };

/**
 * Claims down, sources across (most leaned on first), each cell saying what the source is
 * to the claim. Rows resting on a single origin repeated by several sources are tinted and edged so they stand out.
 * The table scrolls sideways on narrow screens while the claim column stays in place (from tablet width up).
 */
export function SourceMatrix({ claims, sources, claimsHref }: { claims: SourceMapClaim[]; sources: SourceUsage[]; claimsHref: string }) {
  const columns = listColumns(claims, sources);
  return (
    <section aria-labelledby="source-matrix-heading" className="space-y-3">
      <h2 id="source-matrix-heading" className="text-lg font-semibold">
        Claims and their sources
      </h2>
      <RoleLegend />
      <div
        tabIndex={0}
        role="region"
        aria-labelledby="source-matrix-heading"
        // Relative, so the cells' screen-reader text (absolutely placed) is clipped with the table
        // instead of widening the whole page.
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">
            Each claim in the article, how many independent origins it has, and what each source is to it.
          </caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="min-w-[14rem] bg-slate-50 px-3 py-2 font-semibold sm:sticky sm:left-0 sm:z-10">
                Claim
              </th>
              <th scope="col" className="min-w-[15rem] px-3 py-2 font-semibold">
                Origins
              </th>
              {columns.map((column) => (
                <th key={column.sourceId} scope="col" className="min-w-[6.5rem] px-2 py-2 text-center align-bottom font-semibold">
                  <span className="block text-slate-900">{column.name}</span>
                  <span className="block font-normal">
                    {column.claimCount > 0 ? countOf(column.claimCount, "claim") : "not in support"}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {claims.map((claim) => (
              <ClaimRow key={claim.id} claim={claim} columns={columns} href={`${claimsHref}/${claim.id}`} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ClaimRow({ claim, columns, href }: { claim: SourceMapClaim; columns: Column[]; href: string }) {
  const isSingle = claim.glance.restsOnSingleOrigin;
  const roles = listSourceRoles(claim.provenance.trace);
  const tint = isSingle ? "bg-amber-50" : "bg-white";
  return (
    <tr id={`claim-row-${claim.id}`} className={`scroll-mt-4 align-top ${tint}`}>
      <th scope="row" className={`max-w-[22rem] min-w-[14rem] border-l-4 sm:sticky sm:left-0 sm:z-10 px-3 py-2 text-left font-normal ${tint} ${isSingle ? "border-amber-600" : "border-transparent"}`}>
        <Link href={href} className="font-semibold text-brand-700 underline underline-offset-2">
          Claim {claim.number}
        </Link>
        <span className="mt-0.5 block text-slate-900">{claim.statement}</span>
        <span className="mt-1 flex flex-wrap gap-1">
          <StatusBadge status={claim.status} />
          {claim.verdictLabel ? (
            <span className="rounded-full bg-white px-2 py-0.5 text-xs text-slate-800 ring-1 ring-slate-300 ring-inset">
              Verdict: {claim.verdictLabel}
            </span>
          ) : null}
        </span>
      </th>
      <td className="px-3 py-2">
        <span className="flex flex-wrap gap-1">
          <ProvenanceBadge glance={claim.glance} />
          <ProvenanceFlags glance={claim.glance} />
        </span>
        {claim.citationCount > 0 ? <span className="mt-1 block text-slate-700">{claim.provenance.trace.summary}</span> : null}
        {claim.provenance.trace.warnings.length > 0 ? (
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
            {claim.provenance.trace.warnings.map((warning) => (
              <li key={`${warning.kind}:${warning.citationIds.join(",")}`}>
                <span aria-hidden="true">⚠ </span>
                <span className="sr-only">Warning: </span>
                {warning.message}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      {columns.map((column) => (
        <SourceRoleCell key={column.sourceId} role={roles.get(column.sourceId)} />
      ))}
    </tr>
  );
}

/** The sources claims rest on, then those that only contradict or give context. */
function listColumns(claims: SourceMapClaim[], sources: SourceUsage[]): Column[] {
  const columns: Column[] = sources.map((usage) => ({ sourceId: usage.sourceId, name: usage.name, claimCount: usage.claimIds.length }));
  const known = new Set(columns.map((column) => column.sourceId));
  for (const claim of claims) {
    for (const path of claim.provenance.trace.paths) {
      for (const hop of path.hops) {
        if (known.has(hop.citation.sourceId)) continue;
        known.add(hop.citation.sourceId);
        columns.push({ sourceId: hop.citation.sourceId, name: hop.source?.name ?? "an unknown source", claimCount: 0 });
      }
    }
  }
  return columns;
}
