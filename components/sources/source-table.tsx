import Link from "next/link";
import { TRACK_ROLES, type TrackSummary } from "@/lib/sources/track-record";
import { describeTrack } from "@/lib/sources/track-record-view";
import { countOf, pluralize } from "@/lib/text/plural";
import type { Verdict } from "@/lib/verification/verdicts";
import { KindBadge } from "./kind-badge";

type Row = { id: string; name: string; kind: string; domains: string[]; reliability: string | null; citationCount: number; claimCount: number };

type Tracks = { summaries: ReadonlyMap<string, TrackSummary>; labels: Readonly<Record<Verdict, string>> };

const roleWords = { origin: "Origin", relay: "Relay" } as const;

/**
 * The registry as a table; the reliability note is cut to a line, the detail page has it all.
 * The track record says how the team's verdicts fell where the source was the origin or a relay,
 * and links to the source's page, where every number lists its claims.
 */
export function SourceTable({ team, sources, tracks }: { team: string; sources: Row[]; tracks: Tracks }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sources</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Kind</th>
            <th scope="col" className="px-4 py-2">Domains</th>
            <th scope="col" className="px-4 py-2 text-right">Citations</th>
            <th scope="col" className="px-4 py-2">Track record</th>
            <th scope="col" className="px-4 py-2">Reliability</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sources.map((source) => (
            <tr key={source.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/t/${team}/sources/${source.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                  {source.name}
                </Link>
              </th>
              <td className="px-4 py-2">
                <KindBadge kind={source.kind} />
              </td>
              <td className="px-4 py-2 text-slate-700">{source.domains.join(", ") || <span className="text-slate-500">none</span>}</td>
              <td className="px-4 py-2 text-right tabular-nums" title={`${countOf(source.citationCount, "citation")} in ${countOf(source.claimCount, "claim")}`}>
                {source.citationCount}
                <span className="sr-only"> {pluralize(source.citationCount, "citation")} in {countOf(source.claimCount, "claim")}</span>
              </td>
              <td className="min-w-56 px-4 py-2">
                <TrackCell href={`/t/${team}/sources/${source.id}#track-record`} summary={tracks.summaries.get(source.id)} labels={tracks.labels} />
              </td>
              <td className="max-w-xs truncate px-4 py-2 text-slate-700" title={source.reliability ?? undefined}>
                {source.reliability ?? <span className="text-slate-500">no notes</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TrackCell({ href, summary, labels }: { href: string; summary: TrackSummary | undefined; labels: Tracks["labels"] }) {
  const roles = TRACK_ROLES.filter((role) => (summary?.[role].claims ?? 0) > 0);
  if (!summary || roles.length === 0) return <span className="text-slate-500">no judged claims</span>;
  return (
    <Link href={href} className="block text-slate-800 underline-offset-2 hover:text-brand-700 hover:underline">
      {roles.map((role) => (
        <span key={role} className="block">
          <span className="font-medium">{roleWords[role]}:</span> {describeTrack(summary[role], labels)}
        </span>
      ))}
    </Link>
  );
}
