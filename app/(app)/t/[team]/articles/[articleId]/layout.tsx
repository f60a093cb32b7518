import { notFound } from "next/navigation";
import { hasArticle } from "@/lib/articles/queries";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";

/**
 * Answers a missing article with a real 404. The pages below sit under loading.tsx boundaries, so
 * by the time one of them calls notFound() the response has begun streaming with status 200; a
 * layout runs outside its segment's boundary, before anything is sent.
 */
export default async function ArticleLayout({ children, params }: LayoutProps<"/t/[team]/articles/[articleId]">) {
  const { team: slug, articleId } = await params;
  const { team } = await requirePageTeam(slug);
  if (!(await hasArticle(db, team.id, articleId))) notFound();
  return children;
}
