import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleExport } from "@/components/reports/article-export";
import { ReportPreview } from "@/components/reports/report-preview";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { buildReport } from "@/lib/reports/build";
import { fingerprintReport } from "@/lib/reports/fingerprint";
import { loadReportData } from "@/lib/reports/queries";
import { slugify } from "@/lib/teams/slug";
import { truncate } from "@/lib/text/truncate";

export const metadata = { title: "Verification report" };

/** The form's checkboxes post nothing when unticked, so `set=1` says the form was submitted. */
function readOptions(query: Record<string, string | string[] | undefined>) {
  const isSet = query.set === "1";
  const ticked = (name: string, fallback: boolean) => (isSet ? query[name] === "1" : fallback);
  const reviewUrl = typeof query.reviewUrl === "string" && /^https?:\/\//i.test(query.reviewUrl) ? truncate(query.reviewUrl, 2_000) : "";
  return { history: ticked("history", true), comments: ticked("comments", false), final: ticked("final", true), reviewUrl };
}

export default async function ArticleReportPage({ params, searchParams }: PageProps<"/t/[team]/articles/[articleId]/report">) {
  const [{ team: slug, articleId }, query] = await Promise.all([params, searchParams]);
  const { team, user } = await requirePageTeam(slug, "report:export");
  const options = readOptions(query);
  // The report the downloads will carry, so that the fingerprint shown here is theirs.
  const data = await loadReportData(db, team.id, articleId, { history: options.history, comments: options.comments });
  if (!data) notFound();
  const report = fingerprintReport(buildReport(data, {
    includeHistory: options.history, includeComments: options.comments, finalOnly: options.final,
    generatedAt: new Date(), generatedBy: { name: user.name ?? user.email ?? "" },
  }));
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/t/${team.slug}/articles/${articleId}`} className="text-sm text-brand-700 underline">
          ← Back to the article
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Verification report</h1>
        <p className="font-serif text-lg text-slate-700">{report.article.title}</p>
      </div>
      <ReportPreview report={report} />
      <ArticleExport reportPath={`/api/t/${team.slug}/articles/${articleId}/report`} options={options} articleSlug={slugify(report.article.title)} />
      <p className="text-sm text-slate-600">
        Fingerprint of this report with these options: <code className="break-all font-mono text-slate-800">sha256:{report.fingerprint.value}</code>.
        Every format, and the archive of them all, carries it: it is the SHA-256 of what the report says (the article&apos;s details, the
        options, the summary and every claim with its verdict, citations and history), not of when or by whom a copy was made, so a PDF and a
        JSON of this report match, and any change to a claim changes it. Viewers can export too.
      </p>
    </div>
  );
}
