import type { Db } from "@/lib/config/prisma-client";
import { TRACED_CLAIM_FIELDS } from "@/lib/sources/map-queries";

/**
 * What the workspace shows of a claim's own row, with what tracing reads (its trace comes from
 * lib/sources/map-queries.ts), so the page hands these rows to loadClaimTraceSummaries.
 */
export const claimFields = {
  ...TRACED_CLAIM_FIELDS,
  id: true,
  position: true,
  quote: true,
  start: true,
  end: true,
  statement: true,
  status: true,
  anchorState: true,
  previousQuote: true,
  revision: true,
  createdBy: { select: { name: true } },
} as const;

/**
 * Everything the article workspace shows, in a fixed number of queries whatever the number
 * of claims: the article, its latest version, its claims in list order and recently deleted
 * claims (for undo).
 */
export async function getWorkspace(db: Db, teamId: string, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId },
    select: {
      id: true, title: true, outlet: true, author: true, url: true, publishedAt: true, createdAt: true, suggestedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: {
          id: true, number: true, text: true, createdAt: true, source: true, removedLines: true,
          capture: { select: { url: true, finalUrl: true, fetchedAt: true, pageSha256: true } },
        } },
      _count: { select: { versions: true } },
    },
  });
  const version = article?.versions[0];
  if (!article || !version) return null;
  const [claims, deleted] = await Promise.all([
    db.claim.findMany({ where: { articleId, teamId, deletedAt: null }, orderBy: { position: "asc" }, select: claimFields }),
    db.claim.findMany(deletedClaimsQuery(teamId, articleId)),
  ]);
  return { article: { ...article, versionCount: article._count.versions }, version, claims, deleted };
}

/**
 * Suggestions the team dismissed or accepted in an article, by sentence hash: never suggested
 * again. Read only where suggestions are shown (an article whose suggestions were asked for).
 */
export async function listDecidedSuggestions(db: Db, articleId: string): Promise<string[]> {
  const [dismissals, acceptances] = await Promise.all([
    db.suggestionDismissal.findMany({ where: { articleId }, select: { sentenceHash: true } }),
    db.suggestionAcceptance.findMany({ where: { articleId }, select: { sentenceHash: true } }),
  ]);
  return [...dismissals, ...acceptances].map((decision) => decision.sentenceHash);
}

/** The article's decided passages (listDecidedSuggestions), or null when the article is not the team's. */
export async function readDecidedSuggestions(db: Db, teamId: string, articleId: string): Promise<string[] | null> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId }, select: { id: true } });
  return article ? listDecidedSuggestions(db, article.id) : null;
}

/** The article's recently deleted claims, newest first: what the workspace offers to restore. */
export function deletedClaimsQuery(teamId: string, articleId: string) {
  return {
    where: { articleId, teamId, deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    take: 10,
    select: { id: true, statement: true, deletedAt: true },
  } as const;
}

export type Workspace = NonNullable<Awaited<ReturnType<typeof getWorkspace>>>;
export type WorkspaceClaim = Workspace["claims"][number];

/** One claim's history, newest first. */
export function listClaimEvents(db: Db, teamId: string, claimId: string) {
  return db.claimEvent.findMany({
    where: { claimId, teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, type: true, fromValue: true, toValue: true, note: true, createdAt: true, actor: { select: { name: true } } },
  });
}
