import Link from "next/link";
import { RoleBadge } from "./role-badge";

type TeamOption = { role: string; team: { id: string; slug: string; name: string } };

/** A disclosure menu (works without script, reachable by keyboard) listing the user's teams. */
export function TeamSwitcher({ current, teams }: { current: { slug: string; name: string }; teams: TeamOption[] }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100">
        <span className="sr-only">Current team: </span>
        <span data-testid="current-team">{current.name}</span>
        <span aria-hidden="true" className="text-slate-400 group-open:rotate-180">
          ▾
        </span>
        <span className="sr-only">(switch team)</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Your teams</p>
        <ul>
          {teams.map(({ team, role }) => (
            <li key={team.id}>
              <Link
                href={`/t/${team.slug}`}
                aria-current={team.slug === current.slug ? "page" : undefined}
                className="flex items-center justify-between gap-2 rounded px-3 py-2 text-sm hover:bg-slate-100 aria-[current=page]:bg-brand-50"
              >
                <span>{team.name}</span>
                <RoleBadge role={role} />
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-slate-200 pt-1">
          <Link href="/teams/new" className="block rounded px-3 py-2 text-sm text-brand-700 hover:bg-slate-100">
            + Create a team
          </Link>
        </div>
      </div>
    </details>
  );
}
