import { roleLabels } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";
import type { TeamDashboard } from "@/lib/reports/dashboard";

type Props = { verifiers: TeamDashboard["verifiers"]; columns: TeamDashboard["verdictColumns"]; from: string; to: string };

/** Who verified what in the range: verdicts given by each member, by verdict, and the sign-offs. */
export function VerifiersTable({ verifiers, columns, from, to }: Props) {
  const hasOther = verifiers.some((row) => row.byVerdict.other > 0);
  const cell = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Verdicts given and signed off by each member, {from} to {to}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Member</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Verdicts given</th>
            {columns.map((column) => <th key={column.key} scope="col" className="px-3 py-2 text-right font-medium">{column.label}</th>)}
            {hasOther ? <th scope="col" className="px-3 py-2 text-right font-medium" title="Labels your team has since renamed">Other</th> : null}
            <th scope="col" className="px-3 py-2 text-right font-medium">Signed off</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {verifiers.map((row) => (
            <tr key={row.userId}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="font-medium text-slate-900">{row.name}</span>{" "}
                <span className="text-xs text-slate-500">{row.role ? (roleLabels[row.role as Role] ?? row.role) : "left the team"}</span>
              </th>
              <td className={`${cell} font-semibold`}>{row.given}</td>
              {columns.map((column) => <td key={column.key} className={`${cell} ${row.byVerdict[column.key] ? "" : "text-slate-500"}`}>{row.byVerdict[column.key]}</td>)}
              {hasOther ? <td className={cell}>{row.byVerdict.other}</td> : null}
              <td className={`${cell} font-semibold`}>{row.signedOff}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
