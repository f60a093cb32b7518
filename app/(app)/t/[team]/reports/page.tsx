import { ArticlesInProgress } from "@/components/reports/articles-in-progress";
import { AwaitingSignOff } from "@/components/reports/awaiting-sign-off";
import { ExportLinks } from "@/components/reports/export-links";
import { RangeForm } from "@/components/reports/range-form";
import { StatusChart } from "@/components/reports/status-chart";
import { SummaryCards } from "@/components/reports/summary-cards";
import { VerifiersTable } from "@/components/reports/verifiers-table";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getTeamDashboard, type TeamDashboard } from "@/lib/reports/dashboard";
import { defaultReportRange, readReportRange } from "@/lib/reports/date-range";

export const metadata = { title: "Reports" };

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ReportsPage({ params, searchParams }: PageProps<"/t/[team]/reports">) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team } = await requirePageTeam(slug, "team:read");
  const requested = readReportRange({ from: firstValue(query.from), to: firstValue(query.to) });
  const range = requested.ok ? requested.range : defaultReportRange();
  const dashboard = await getTeamDashboard(db, team.id, range);
  const period = `${range.from} to ${range.to}`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Reports</h1>
          <p className="text-sm text-slate-600">How {team.name}&apos;s checking is going, {period}.</p>
        </div>
        <ExportLinks teamSlug={team.slug} from={range.from} to={range.to} />
      </div>
      <RangeForm from={range.from} to={range.to} problems={requested.ok ? [] : requested.problems} />
      <SummaryCards
        figures={[
          { label: "Articles in progress", value: dashboard.articlesInProgressCount, detail: "with claims not done, now" },
          { label: "Waiting for sign-off", value: dashboard.awaitingSignOffCount, detail: dashboard.requiresSignOff ? "verdicts given, not signed off, now" : "sign-off is not required" },
          { label: "Verdicts given", value: dashboard.verdictsGiven, detail: period },
          { label: "Sign-offs", value: dashboard.signOffs, detail: period },
          describeSuggestionRate(dashboard.suggestions, period),
        ]}
      />
      <Section title="Claims by status over time" id="status-over-time">
        <StatusChart series={dashboard.statusSeries} />
      </Section>
      <Section title="Waiting for sign-off" id="waiting-for-sign-off">
        <AwaitingSignOff teamSlug={team.slug} claims={dashboard.awaitingSignOff} count={dashboard.awaitingSignOffCount} requiresSignOff={dashboard.requiresSignOff} />
      </Section>
      <Section title="Who verified what" id="who-verified-what">
        <VerifiersTable verifiers={dashboard.verifiers} columns={dashboard.verdictColumns} from={range.from} to={range.to} />
      </Section>
      <Section title="Articles in progress" id="articles-in-progress">
        <ArticlesInProgress teamSlug={team.slug} articles={dashboard.articlesInProgress} count={dashboard.articlesInProgressCount} />
      </Section>
    </div>
  );
}

/** The acceptance rate card: the share, with the counts behind it. */
function describeSuggestionRate({ accepted, dismissed, rate }: TeamDashboard["suggestions"], period: string) {
  const value = rate === null ? "–" : `${Math.round(rate * 100)}%`;
  const detail = rate === null ? `no suggestion accepted or dismissed, ${period}` : `${accepted} accepted, ${dismissed} dismissed, ${period}`;
  return { label: "Suggestions accepted", value, detail };
}
