import Link from "next/link";
import { verdictStyles } from "@/components/claim/verdict-badge";
import { TRACK_PERIODS, type TrackPeriod, type TrackRow, type TrackTable } from "@/lib/sources/track-record";
import type { SourceTrackRecord, TrackSelection } from "@/lib/sources/track-record-queries";
import { describeSelection, trackHref, trackRoleWords } from "@/lib/sources/track-record-view";
import { countOf, formatCount, pluralize } from "@/lib/text/plural";
import { VERDICTS, type Verdict } from "@/lib/verification/verdicts";
import { TrackClaims } from "./track-claims";

type Props = { team: string; base: string; name: string; record: SourceTrackRecord; selection: TrackSelection | null };

const periodWords: Record<TrackPeriod, string> = { quarter: "By quarter", month: "By month" };

/**
 * A source's track record: per role a table of verdicts by period, every number a link that
 * lists the claims behind it below (decision 0025).
 */
export function TrackRecord({ team, base, name, record, selection }: Props) {
  const { labels } = record;
  const isEmpty = record.tables.every((table) => table.rows.length === 0);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="track-record" className="text-lg font-semibold">Track record</h2>
          <p className="text-sm text-slate-600">
            How the team&apos;s verdicts fell on the claims that rest on {name}, by when the verdict was given (UTC). Choose a number to list its claims.
          </p>
        </div>
        <nav aria-label="Track record period" className="flex gap-1 text-sm">
          {TRACK_PERIODS.map((period) => (
            <Link
              key={period}
              href={trackHref(base, period)}
              aria-current={period === record.period ? "page" : undefined}
              className={`rounded-md px-2.5 py-1 ring-1 ring-inset ${period === record.period ? "bg-brand-700 font-semibold text-white ring-brand-700" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {periodWords[period]}
            </Link>
          ))}
        </nav>
      </div>
      {isEmpty ? (
        <p className="text-sm text-slate-600">No claim with a verdict rests on {name} yet.</p>
      ) : (
        record.tables.map((table) => (
          <RoleTable key={table.role} table={table} name={name} base={base} period={record.period} labels={labels} selection={selection} />
        ))
      )}
      {selection ? <TrackClaims team={team} caption={describeSelection(selection, labels)} claims={record.claims} total={record.selectedCount} /> : null}
    </div>
  );
}

type TableProps = { table: TrackTable; name: string; base: string; period: TrackPeriod; labels: Record<Verdict, string>; selection: TrackSelection | null };

function RoleTable({ table, name, base, period, labels, selection }: TableProps) {
  const words = trackRoleWords[table.role];
  if (table.rows.length === 0) {
    return (
      <section aria-label={words.heading}>
        <h3 className="text-base font-semibold">{words.heading}</h3>
        <p className="text-sm text-slate-600">No judged claim {table.role === "origin" ? `has ${name} as its origin` : `came through ${name}`}.</p>
      </section>
    );
  }
  const cell = (row: TrackRow, verdict: Verdict | null) => {
    const ids = verdict ? row.cells[verdict] : row.claimIds;
    const target = { role: table.role, period: row.period, verdict };
    const isSelected = selection?.role === table.role && selection.period === row.period && selection.verdict === verdict;
    if (ids.length === 0) return <span className="text-slate-500">0</span>;
    return (
      <Link
        href={trackHref(base, period, target)}
        aria-current={isSelected ? "true" : undefined}
        className={`inline-block min-w-8 rounded px-1.5 font-medium underline underline-offset-2 ${isSelected ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"}`}
      >
        {formatCount(ids.length)}
        <span className="sr-only">
          {" "}
          {pluralize(ids.length, "claim")}: {describeSelection(target, labels)}
        </span>
      </Link>
    );
  };
  return (
    <section aria-labelledby={`track-${table.role}`}>
      <h3 id={`track-${table.role}`} className="mb-2 text-base font-semibold">
        {words.heading} <span className="font-normal text-slate-600">({countOf(table.total.claimIds.length, "claim")})</span>
      </h3>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {words.caption(name)}, {periodWords[period].toLowerCase()}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">Period</th>
              {VERDICTS.map((verdict) => (
                <th key={verdict} scope="col" className="px-3 py-2 text-right">
                  <span aria-hidden="true">{verdictStyles[verdict].glyph} </span>
                  {labels[verdict]}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right">All</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {[...table.rows, table.total].map((row) => (
              <tr key={row.period} className={row === table.total ? "bg-slate-50 font-semibold" : undefined}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">{row.label}</th>
                {VERDICTS.map((verdict) => (
                  <td key={verdict} className="px-3 py-2 text-right tabular-nums">{cell(row, verdict)}</td>
                ))}
                <td className="px-3 py-2 text-right tabular-nums">{cell(row, null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
