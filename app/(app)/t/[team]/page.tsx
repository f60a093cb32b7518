import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { listArticles } from "@/lib/articles/queries";

export const metadata = { title: "Articles" };

const notices: Record<string, { tone: "info" | "success" | "error"; text: string }> = {
  forbidden: { tone: "error", text: "Your role in this team does not allow that. Ask a team owner if you need it." },
  joined: { tone: "success", text: "Welcome! You have joined the team." },
  created: { tone: "success", text: "Your team is ready. Invite colleagues from the Members page." },
};

export default async function ArticlesPage({ params, searchParams }: PageProps<"/t/[team]">) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team } = await requirePageTeam(slug);
  const articles = await listArticles(db, team.id);
  const notice = typeof query.notice === "string" ? notices[query.notice] : undefined;
  return (
    <div className="space-y-6">
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
        <p className="text-sm text-slate-600">What {team.name} is checking.</p>
      </div>
      {articles.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No articles yet.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {articles.map((article) => (
            <li key={article.id} className="p-4">
              <Link href={`/t/${team.slug}/articles/${article.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {article.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {[article.outlet, article.author, article.publishedAt?.toISOString().slice(0, 10)].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
