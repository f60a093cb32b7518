import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MergeIntoForm } from "@/components/sources/merge-into-form";
import { SourceCitations } from "@/components/sources/source-citations";
import { SourceDetails } from "@/components/sources/source-details";
import { SourceForm } from "@/components/sources/source-form";
import { TrackRecord } from "@/components/sources/track-record";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getSource, listSourceNames } from "@/lib/sources/queries";
import { getSourceTrackRecord } from "@/lib/sources/track-record-queries";
import { readTrackQuery } from "@/lib/sources/track-record-view";
import { mergeSourcesAction, updateSourceAction } from "../actions";
import { countOf } from "@/lib/text/plural";

/** One read per request, shared by the metadata and the page. */
const loadSource = cache((teamId: string, sourceId: string) => getSource(db, teamId, sourceId));

export async function generateMetadata({ params }: PageProps<"/t/[team]/sources/[sourceId]">) {
  const { team: slug, sourceId } = await params;
  const { team } = await requirePageTeam(slug);
  return { title: (await loadSource(team.id, sourceId))?.name ?? "Source" };
}

/** What the redirect after a create or merge says happened (`?notice=...`). */
function pageNotice(query: Record<string, string | string[] | undefined>): string | null {
  if (query.notice === "created") return "Source added to the registry.";
  if (query.notice !== "merged") return null;
  const count = Number(query.count) || 1;
  return `${countOf(count, "source")} merged into this one; ${countOf(Number(query.moved) || 0, "citation")} moved over.`;
}

export default async function SourcePage({ params, searchParams }: PageProps<"/t/[team]/sources/[sourceId]">) {
  const [{ team: slug, sourceId }, query] = await Promise.all([params, searchParams]);
  const { team, role } = await requirePageTeam(slug);
  const source = await loadSource(team.id, sourceId);
  if (!source) notFound();
  const canWrite = can(role, "content:write") && !source.mergedIntoId;
  const track = readTrackQuery(query);
  const [names, record] = await Promise.all([
    canWrite ? listSourceNames(db, team.id) : [],
    getSourceTrackRecord(db, team.id, source.id, track.period, track.selection),
  ]);
  const targets = names.filter((target) => target.id !== source.id);
  const notice = pageNotice(query);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href={`/t/${team.slug}/sources`} className="text-sm text-brand-700 underline">
          ← All sources
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{source.name}</h1>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {source.mergedIntoId ? (
        <Notice>
          This entry was merged into{" "}
          {source.mergedInto ? (
            <Link href={`/t/${team.slug}/sources/${source.mergedInto.id}`} className="font-medium underline">
              {source.mergedInto.name}
            </Link>
          ) : (
            "another source"
          )}
          ; its citations are there now. It is kept so that old links still lead somewhere.
        </Notice>
      ) : null}
      {source.mergedFrom.length > 0 ? (
        <p className="text-sm text-slate-600">Also known as (merged here): {source.mergedFrom.map((entry) => entry.name).join(", ")}</p>
      ) : null}
      <Card>
        <SourceDetails source={source} />
      </Card>
      <Card>
        {track.isInvalid ? <Notice>That link names no number of this track record; the tables are below.</Notice> : null}
        <TrackRecord team={team.slug} base={`/t/${team.slug}/sources/${source.id}`} name={source.name} record={record} selection={track.selection} />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Cited in {countOf(source.citations.length, "place")}</h2>
        <SourceCitations team={team.slug} citations={source.citations} />
      </Card>
      {canWrite ? (
        <>
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Edit</h2>
            <SourceForm
              mode="edit"
              action={updateSourceAction}
              team={team.slug}
              sourceId={source.id}
              revision={source.revision}
              values={{ name: source.name, kind: source.kind, homepage: source.homepage ?? "", domains: source.domains.join(", "), notes: source.notes ?? "", reliability: source.reliability ?? "" }}
            />
          </Card>
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Merge into another source</h2>
            <p className="mb-3 text-sm text-slate-600">For a duplicate: its citations, domains and notes move to the source you choose.</p>
            <MergeIntoForm action={mergeSourcesAction} team={team.slug} source={source} targets={targets} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
