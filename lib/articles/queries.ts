import type { Db } from "@/lib/config/prisma-client";

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

/** Whether the team has this article: a cheap check a layout makes before any content streams. */
export async function hasArticle(db: Db, teamId: string, articleId: string): Promise<boolean> {
  return (await db.article.count({ where: { id: articleId, teamId } })) > 0;
}

/** An article of the team with this URL (the newest), to offer "import as a new version". */
export function findArticleByUrl(db: Db, teamId: string, url: string) {
  return db.article.findFirst({
    where: { teamId, url },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true },
  });
}

export async function getArticleSummary(db: Db, teamId: string, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId },
    select: { id: true, title: true, url: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
  });
  if (!article) return null;
  return { id: article.id, title: article.title, url: article.url, latestVersion: article.versions[0]?.number ?? 0 };
}
