import type { SourceDetail } from "@/lib/sources/queries";
import { KindBadge } from "./kind-badge";
import { formatDay } from "@/lib/text/dates";

type Props = Pick<SourceDetail, "kind" | "homepage" | "domains" | "notes" | "reliability" | "createdAt" | "createdBy">;

/** What the registry knows about a source; the team's reliability notes come first. */
export function SourceDetails({ source }: { source: Props }) {
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-600">Kind</dt>
        <dd>
          <KindBadge kind={source.kind} />
        </dd>
        <dt className="font-medium text-slate-600">Homepage</dt>
        <dd>
          {source.homepage ? (
            <a href={source.homepage} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">
              {source.homepage}
            </a>
          ) : (
            <span className="text-slate-500">none</span>
          )}
        </dd>
        <dt className="font-medium text-slate-600">Domains</dt>
        <dd>{source.domains.length ? source.domains.join(", ") : <span className="text-slate-500">none</span>}</dd>
        <dt className="font-medium text-slate-600">Added</dt>
        <dd>
          {formatDay(source.createdAt)} by {source.createdBy.name}
        </dd>
      </dl>
      <section aria-labelledby="reliability-heading">
        <h2 id="reliability-heading" className="text-sm font-semibold text-slate-800">
          Reliability notes
        </h2>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{source.reliability || <span className="text-slate-500">The team has not noted anything yet.</span>}</p>
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="text-sm font-semibold text-slate-800">
          Notes
        </h2>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{source.notes || <span className="text-slate-500">None.</span>}</p>
      </section>
    </div>
  );
}
