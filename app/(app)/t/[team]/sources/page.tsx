import Link from "next/link";
import { DuplicateGroups } from "@/components/sources/duplicate-groups";
import { isSourceKind, sourceKindLabels } from "@/components/sources/kind-badge";
import { SourceTable } from "@/components/sources/source-table";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listDuplicateGroups, listSources, type SourceFilter } from "@/lib/sources/queries";
import { listTrackSummaries } from "@/lib/sources/track-record-queries";
import { SOURCE_KINDS } from "@/lib/sources/types";
import { truncate } from "@/lib/text/truncate";
import { getVerificationSettings } from "@/lib/verification/settings";
import { labelVerdicts } from "@/lib/verification/verdicts";
import { mergeSourcesAction } from "./actions";

export const metadata = { title: "Sources" };

export default async function SourcesPage({ params, searchParams }: PageProps<"/t/[team]/sources">) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team, role } = await requirePageTeam(slug);
  const filter: SourceFilter = {
    q: typeof query.q === "string" ? truncate(query.q, 200) : undefined,
    kind: isSourceKind(query.kind) ? query.kind : undefined,
  };
  const canWrite = can(role, "content:write");
  const [sources, groups, summaries, settings] = await Promise.all([
    listSources(db, team.id, filter),
    listDuplicateGroups(db, team.id),
    listTrackSummaries(db, team.id),
    getVerificationSettings(db, team.id),
  ]);
  const isFiltered = Boolean(filter.q || filter.kind);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
          <p className="text-sm text-slate-600">Outlets, people, documents, organisations and data sets {team.name} cites, with the team&apos;s notes on each.</p>
        </div>
        {canWrite ? (
          <Link href={`/t/${team.slug}/sources/new`} className={buttonClasses("primary")}>
            New source
          </Link>
        ) : null}
      </div>
      <DuplicateGroups team={team.slug} groups={groups} mergeAction={canWrite ? mergeSourcesAction : undefined} />
      <form role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="source-search" className="block text-xs font-medium text-slate-600">
            Search names, domains and notes
          </label>
          <input id="source-search" name="q" type="search" defaultValue={filter.q} className={inputClasses} placeholder="A name or a domain" />
        </div>
        <div>
          <label htmlFor="source-kind" className="block text-xs font-medium text-slate-600">
            Kind
          </label>
          <select id="source-kind" name="kind" defaultValue={filter.kind ?? ""} className={inputClasses}>
            <option value="">Any kind</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {sourceKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
        {isFiltered ? (
          <Link href={`/t/${team.slug}/sources`} className="text-sm text-brand-700 underline">
            Clear
          </Link>
        ) : null}
      </form>
      {sources.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {isFiltered ? "No source matches these filters." : "No sources yet. They are added here or while citing a claim."}
        </p>
      ) : (
        <SourceTable team={team.slug} sources={sources} tracks={{ summaries, labels: labelVerdicts(settings.labels) }} />
      )}
    </div>
  );
}
