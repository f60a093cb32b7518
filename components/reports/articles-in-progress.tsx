import Link from "next/link";
import { ClaimProgress } from "@/components/articles/progress-bar";
import type { TeamDashboard } from "@/lib/reports/dashboard";
import { formatDay } from "@/lib/text/dates";

type Props = { teamSlug: string; articles: TeamDashboard["articlesInProgress"]; count: number };

/** Articles with claims still open, newest first, each with its claims by status. */
export function ArticlesInProgress({ teamSlug, articles, count }: Props) {
  if (articles.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">Every claim of every article is done.</p>;
  }
  return (
    <div className="space-y-2">
      <ul aria-label="Articles in progress" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {articles.map((article) => (
          <li key={article.id} className="grid gap-3 p-4 sm:grid-cols-[1fr_18rem] sm:items-center">
            <div>
              <Link href={`/t/${teamSlug}/articles/${article.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {article.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {[article.outlet, `imported ${formatDay(article.createdAt)}`, article.isStarted ? null : "not started"].filter(Boolean).join(" · ")}
              </p>
            </div>
            <ClaimProgress counts={article.counts} total={article.total} />
          </li>
        ))}
      </ul>
      {count > articles.length ? <p className="text-sm text-slate-600">Showing the newest {articles.length} of {count}.</p> : null}
    </div>
  );
}
