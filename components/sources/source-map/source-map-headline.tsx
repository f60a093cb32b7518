import type { SourceMapClaim } from "@/lib/sources/map-queries";
import { describeClaimCounts, findMostLeanedOn } from "@/lib/sources/map-overview";
import type { SourceUsage } from "@/lib/sources/source-map";
import { countOf } from "@/lib/text/plural";

/**
 * The map in two sentences, then the claims resting on one repeated origin by number, each a link
 * to its row: what an editor should read before anything else on the page.
 */
export function SourceMapHeadline({ claims, sources, outlet }: { claims: SourceMapClaim[]; sources: SourceUsage[]; outlet: string | null }) {
  const counts = describeClaimCounts(claims.map((claim) => claim.glance));
  const leaned = findMostLeanedOn(sources, outlet);
  const single = claims.filter((claim) => claim.glance.restsOnSingleOrigin);
  return (
    <section aria-labelledby="source-map-headline" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="source-map-headline" className="text-lg leading-snug font-semibold text-slate-950">
        {counts}
      </h2>
      {leaned ? (
        <p className="text-slate-700">
          Most leaned-on source: <strong>{leaned.names.join(", ")}</strong> ({countOf(leaned.claimCount, "claim")}
          {leaned.names.length > 1 ? " each" : ""})
          {outlet ? <span className="text-slate-500"> — not counting {outlet} itself</span> : null}
        </p>
      ) : null}
      {single.length > 0 ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-amber-950">
          <span>
            <span aria-hidden="true">① </span>Resting on a single origin repeated by several sources:
          </span>
          {single.map((claim) => (
            <a
              key={claim.id}
              href={`#claim-row-${claim.id}`}
              className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold underline underline-offset-2 ring-1 ring-amber-600 ring-inset hover:bg-amber-200"
            >
              Claim {claim.number}
            </a>
          ))}
        </p>
      ) : null}
    </section>
  );
}
