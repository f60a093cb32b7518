import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { StatusBadge } from "@/components/workspace/status";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { listAwaitingSignOff, listMyClaims } from "@/lib/verification/queries";
import { getVerificationSettings } from "@/lib/verification/settings";
import { isVerdict, labelVerdict } from "@/lib/verification/verdicts";
import { countOf } from "@/lib/text/plural";
import { formatDay } from "@/lib/text/dates";

export const metadata = { title: "My claims" };

type Row = { id: string; statement: string; status: string; verdict: string | null; article: { id: string; title: string }; detail: string };

function ClaimList({ team, rows, label, empty }: { team: string; rows: Row[]; label: string; empty: string }) {
  if (rows.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.id} className="grid gap-2 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
          <div>
            <Link href={`/t/${team}/articles/${row.article.id}/claims/${row.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
              {row.statement}
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              {row.article.title} · {row.detail}
            </p>
          </div>
          <div className="flex items-center gap-2">
            {row.verdict ? <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{row.verdict}</span> : null}
            <StatusBadge status={row.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function MyClaimsPage({ params }: PageProps<"/t/[team]/my-claims">) {
  const { team: slug } = await params;
  const { team, user } = await requirePageTeam(slug);
  // The live feed's head before the lists: a colleague's change after this read shows (decision 0022).
  const liveCursor = await readPageLiveCursor(team.id);
  const [mine, awaiting, { labels, rules }] = await Promise.all([
    listMyClaims(db, team.id, user.id),
    listAwaitingSignOff(db, team.id, user.id),
    getVerificationSettings(db, team.id),
  ]);
  const verdictLabel = (verdict: string | null) => (verdict && isVerdict(verdict) ? labelVerdict(verdict, labels) : null);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">My claims</h1>
          <p className="text-sm text-slate-600">Claims assigned to you in {team.name}, unfinished first.</p>
        </div>
        <LiveRefresh
          team={team.slug}
          cursor={liveCursor}
          userId={user.id}
          scope={{ page: "my-claims", personId: user.id, claimIds: [...mine, ...(rules.requireSignOff ? awaiting : [])].map((claim) => claim.id), listsSignOffs: rules.requireSignOff }}
        />
      </div>
      <ClaimList
        team={team.slug}
        label="Assigned to me"
        empty="Nothing is assigned to you. Editors assign claims from an article's claim list or a claim's page."
        rows={mine.map((claim) => ({
          ...claim,
          verdict: verdictLabel(claim.verdict),
          detail: `${countOf(claim._count.citations, "citation")} · updated ${formatDay(claim.updatedAt)}`,
        }))}
      />
      {rules.requireSignOff ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Waiting for a second editor&apos;s sign-off</h2>
          <ClaimList
            team={team.slug}
            label="Waiting for sign-off"
            empty="No verdict is waiting for your sign-off."
            rows={awaiting.map((claim) => ({
              ...claim,
              verdict: verdictLabel(claim.verdict),
              detail: `verdict by ${claim.verdictBy?.name ?? "someone"}${claim.verdictAt ? ` on ${formatDay(claim.verdictAt)}` : ""}`,
            }))}
          />
        </section>
      ) : null}
    </div>
  );
}
