import { notFound } from "next/navigation";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getArticle } from "@/lib/articles/queries";

export default async function ArticlePage({ params }: PageProps<"/t/[team]/articles/[articleId]">) {
  const { team: slug, articleId } = await params;
  const { team } = await requirePageTeam(slug);
  const article = await getArticle(db, team.id, articleId);
  const version = article?.versions[0];
  if (!article || !version) notFound();
  return (
    <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white px-8 py-10">
      <h1 className="font-serif text-3xl font-semibold leading-tight">{article.title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {[article.outlet, article.author && `By ${article.author}`, article.publishedAt?.toISOString().slice(0, 10)].filter(Boolean).join(" · ")}
      </p>
      <div className="mt-8 space-y-4 font-serif text-lg leading-relaxed">
        {version.text.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}
