import Link from "next/link";
import { countOf, pluralize } from "@/lib/text/plural";
import { KindBadge } from "./kind-badge";

type Row = { id: string; name: string; kind: string; domains: string[]; reliability: string | null; citationCount: number; claimCount: number };

/** The registry as a table; the reliability note is cut to a line, the detail page has it all. */
export function SourceTable({ team, sources }: { team: string; sources: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sources</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Kind</th>
            <th scope="col" className="px-4 py-2">Domains</th>
            <th scope="col" className="px-4 py-2 text-right">Citations</th>
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
