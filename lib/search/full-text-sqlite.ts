import type { Db } from "@/lib/config/prisma-client";
import type { KindQuery, SearchKind, SearchRow } from "./full-text";
import { toFts5Query, wordsOf } from "./query";

/**
 * Search on SQLite: the FTS5 tables of prisma/migrations/20261202130600_full_text_search, each
 * an external-content index of one table (its rowid), ranked by bm25() (negated: higher is better).
 * Each table indexes its rows' team id as well: the MATCH itself keeps to the team
 * (`teamId : "<id>" AND ...`), so the ranking reads no other team's rows, and the joined row's
 * teamId is checked again. The query is a parameter; its terms hold letters and digits only
 * (lib/search/query.ts).
 */
const ARTICLE_OF_CLAIM = `JOIN "Article" a ON a."id" = c."articleId"`;

const SQL: Record<SearchKind, (match: string) => { sql: string; /** One MATCH per FTS5 table read, with the columns to look in. */ matches: string[] }> = {
  claim: (match) => ({
    sql: `SELECT c."id" AS id, -bm25("ClaimSearch", 0.0, 2.0, 1.0, 0.0) AS score, c."statement" AS label, c."articleId" AS articleId, a."title" AS articleTitle,
        c."id" AS claimId, c."statement" AS text1, c."quote" AS text2, NULL AS text3
      FROM "ClaimSearch" JOIN "Claim" c ON c.rowid = "ClaimSearch".rowid ${ARTICLE_OF_CLAIM}
      WHERE "ClaimSearch" MATCH ? AND c."teamId" = ? AND c."deletedAt" IS NULL`,
    matches: [`{statement quote} : (${match})`],
  }),
  rationale: (match) => ({
    sql: `SELECT c."id" AS id, -bm25("ClaimSearch", 0.0, 0.0, 0.0, 1.0) AS score, c."statement" AS label, c."articleId" AS articleId, a."title" AS articleTitle,
        c."id" AS claimId, c."rationale" AS text1, NULL AS text2, NULL AS text3
      FROM "ClaimSearch" JOIN "Claim" c ON c.rowid = "ClaimSearch".rowid ${ARTICLE_OF_CLAIM}
      WHERE "ClaimSearch" MATCH ? AND c."teamId" = ? AND c."deletedAt" IS NULL`,
    matches: [`{rationale} : (${match})`],
  }),
  comment: (match) => ({
    sql: `SELECT m."id" AS id, -bm25("CommentSearch", 0.0, 1.0) AS score, c."statement" AS label, c."articleId" AS articleId, a."title" AS articleTitle,
        c."id" AS claimId, m."body" AS text1, NULL AS text2, NULL AS text3
      FROM "CommentSearch" JOIN "ClaimComment" m ON m.rowid = "CommentSearch".rowid JOIN "Claim" c ON c."id" = m."claimId" ${ARTICLE_OF_CLAIM}
      WHERE "CommentSearch" MATCH ? AND m."teamId" = ? AND c."deletedAt" IS NULL`,
    matches: [`{body} : (${match})`],
  }),
  source: (match) => ({
    sql: `SELECT s."id" AS id, -bm25("SourceSearch", 0.0, 3.0, 1.0, 1.0) AS score, s."name" AS label, NULL AS articleId, NULL AS articleTitle,
        NULL AS claimId, s."name" AS text1, s."notes" AS text2, s."reliability" AS text3
      FROM "SourceSearch" JOIN "Source" s ON s.rowid = "SourceSearch".rowid
      WHERE "SourceSearch" MATCH ? AND s."teamId" = ? AND s."mergedIntoId" IS NULL`,
    matches: [`{name notes reliability} : (${match})`],
  }),
  // A match in the title or outlet ranks before a match in the text only (tier); the text searched
  // is the article's latest version, the one its page shows.
  article: (match) => ({
    sql: `SELECT a."id" AS id, hit.score AS score, a."title" AS label, a."id" AS articleId, a."title" AS articleTitle, NULL AS claimId,
        a."title" AS text1, a."outlet" AS text2,
        (SELECT v."text" FROM "ArticleVersion" v WHERE v."articleId" = a."id" ORDER BY v."number" DESC LIMIT 1) AS text3
      FROM (
        SELECT id, max(tier) AS tier, max(score) AS score FROM (
          SELECT a."id" AS id, 1 AS tier, -bm25("ArticleSearch", 0.0, 2.0, 1.0) AS score
            FROM "ArticleSearch" JOIN "Article" a ON a.rowid = "ArticleSearch".rowid
            WHERE "ArticleSearch" MATCH ? AND a."teamId" = ?
          UNION ALL
          SELECT v."articleId" AS id, 0 AS tier, -bm25("ArticleTextSearch", 0.0, 1.0) AS score
            FROM "ArticleTextSearch" JOIN "ArticleVersion" v ON v.rowid = "ArticleTextSearch".rowid
            WHERE "ArticleTextSearch" MATCH ? AND v."teamId" = ?
              AND v."number" = (SELECT max(w."number") FROM "ArticleVersion" w WHERE w."articleId" = v."articleId")
        ) GROUP BY id
      ) hit JOIN "Article" a ON a."id" = hit.id`,
    matches: [`{title outlet} : (${match})`, `{text} : (${match})`],
  }),
};

export async function searchSqlite(db: Db, query: KindQuery): Promise<SearchRow[]> {
  const { sql, matches } = SQL[query.kind](toFts5Query(query.terms));
  const tier = query.kind === "article" ? "hit.tier DESC, " : "";
  const team = `teamId : ${toFts5Query([{ words: wordsOf(query.teamId), prefix: false }])}`;
  const params = matches.flatMap((match) => [`${team} AND ${match}`, query.teamId]);
  return db.$queryRawUnsafe<SearchRow[]>(`${sql} ORDER BY ${tier}score DESC, id LIMIT ? OFFSET ?`, ...params, query.limit, query.offset);
}
