import type { Db } from "@/lib/config/prisma-client";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/status";
import { compareNames, findIdsContaining } from "@/lib/search/text-match";

export type ArticleFilter = { query?: string; progress?: "all" | "unstarted" | "in-progress" | "complete"; outlet?: string };

/**
 * The team's articles with claim counts by status: two queries whatever the number of
 * articles or claims. Search covers titles, outlets and the text of every version.
 */
export async function listArticlesWithProgress(db: Db, teamId: string, filter: ArticleFilter = {}) {
  const query = filter.query?.trim();
  const matching = query
    ? await findIdsContaining(db, { table: "Article", teamId, columns: ["title", "outlet"], related: [{ table: "ArticleVersion", key: "articleId", columns: ["text"] }] }, query)
    : null;
  const articles = await db.article.findMany({
    where: {
      teamId,
      ...(filter.outlet ? { outlet: filter.outlet } : {}),
      ...(matching ? { id: { in: matching } } : {}),
    },
    select: { id: true, title: true, outlet: true, author: true, publishedAt: true, createdAt: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  const groups = await db.claim.groupBy({
    by: ["articleId", "status"],
    where: { teamId, deletedAt: null, articleId: { in: articles.map((article) => article.id) } },
    _count: { _all: true },
  });
  const countsByArticle = new Map<string, Record<ClaimStatus, number>>();
  for (const group of groups) {
    const counts = countsByArticle.get(group.articleId) ?? emptyCounts();
    if ((CLAIM_STATUSES as readonly string[]).includes(group.status)) counts[group.status as ClaimStatus] = group._count._all;
    countsByArticle.set(group.articleId, counts);
  }
  const rows = articles.map((article) => {
    const counts = countsByArticle.get(article.id) ?? emptyCounts();
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return { ...article, counts, total, done: counts.done, unchecked: counts.unchecked };
  });
  return rows.filter((row) => matchesProgress(row, filter.progress ?? "all"));
}

export type ArticleRow = Awaited<ReturnType<typeof listArticlesWithProgress>>[number];

function emptyCounts(): Record<ClaimStatus, number> {
  return Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
}

function matchesProgress(row: { total: number; done: number; unchecked: number }, progress: NonNullable<ArticleFilter["progress"]>): boolean {
  if (progress === "unstarted") return row.total === row.unchecked;
  if (progress === "in-progress") return row.total > row.unchecked && row.done < row.total;
  if (progress === "complete") return row.total > 0 && row.done === row.total;
  return true;
}

/** Outlets used in the team, for the filter. */
export async function listOutlets(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.article.findMany({ where: { teamId, outlet: { not: null } }, distinct: ["outlet"], select: { outlet: true } });
  return rows.map((row) => row.outlet!).filter(Boolean).sort(compareNames);
}
