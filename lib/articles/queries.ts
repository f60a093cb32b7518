import type { Db } from "@/lib/config/prisma-client";

/** The team's articles, newest first, with what the list shows. */
export function listArticles(db: Db, teamId: string) {
  return db.article.findMany({
    where: { teamId },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { versions: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** One article of the team with its latest version; another team's id finds nothing. */
export async function getArticle(db: Db, teamId: string, articleId: string) {
  return db.article.findFirst({
    where: { id: articleId, teamId },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      url: true,
      publishedAt: true,
      createdAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, createdAt: true } },
    },
  });
}
