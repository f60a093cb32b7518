import type { Db } from "@/lib/config/prisma-client";
import type { KindQuery, SearchKind, SearchRow } from "./full-text";
import { toTsQuery } from "./query";

/**
 * Search on PostgreSQL: the GIN expression indexes of
 * prisma/postgresql/migrations/20261202130600_full_text_search. Each expression here must stay
 * exactly the indexed one, or the planner cannot use the index (full-text.test.ts checks the
 * plans). Ranked by ts_rank(); `$1` is the tsquery (letters, digits and operators this code wrote,
 * lib/search/query.ts), `$2` the team.
 */
const VECTOR = {
  claim: `(setweight(factdesk_search_vector(c."statement"), 'A') || setweight(factdesk_search_vector(c."quote"), 'B'))`,
  rationale: `factdesk_search_vector(c."rationale")`,
  comment: `factdesk_search_vector(m."body")`,
  source: `(setweight(factdesk_search_vector(s."name"), 'A') || setweight(factdesk_search_vector(s."notes"), 'C') || setweight(factdesk_search_vector(s."reliability"), 'C'))`,
  articleTitle: `(setweight(factdesk_search_vector(a."title"), 'A') || setweight(factdesk_search_vector(a."outlet"), 'B'))`,
  articleText: `factdesk_search_long_vector(v."text")`,
};
const QUERY = `to_tsquery('simple', $1)`;
const matches = (vector: string) => `${vector} @@ ${QUERY}`;
const rank = (vector: string) => `ts_rank(${vector}, ${QUERY})::float8`;
const ARTICLE_OF_CLAIM = `JOIN "Article" a ON a."id" = c."articleId"`;

const SQL: Record<SearchKind, string> = {
  claim: `SELECT c."id" AS id, ${rank(VECTOR.claim)} AS score, c."statement" AS label, c."articleId" AS "articleId", a."title" AS "articleTitle",
      c."id" AS "claimId", c."statement" AS text1, c."quote" AS text2, NULL AS text3
    FROM "Claim" c ${ARTICLE_OF_CLAIM}
    WHERE ${matches(VECTOR.claim)} AND c."teamId" = $2 AND c."deletedAt" IS NULL`,
  rationale: `SELECT c."id" AS id, ${rank(VECTOR.rationale)} AS score, c."statement" AS label, c."articleId" AS "articleId", a."title" AS "articleTitle",
      c."id" AS "claimId", c."rationale" AS text1, NULL AS text2, NULL AS text3
    FROM "Claim" c ${ARTICLE_OF_CLAIM}
    WHERE ${matches(VECTOR.rationale)} AND c."teamId" = $2 AND c."deletedAt" IS NULL`,
  comment: `SELECT m."id" AS id, ${rank(VECTOR.comment)} AS score, c."statement" AS label, c."articleId" AS "articleId", a."title" AS "articleTitle",
      c."id" AS "claimId", m."body" AS text1, NULL AS text2, NULL AS text3
    FROM "ClaimComment" m JOIN "Claim" c ON c."id" = m."claimId" ${ARTICLE_OF_CLAIM}
    WHERE ${matches(VECTOR.comment)} AND m."teamId" = $2 AND c."deletedAt" IS NULL`,
  source: `SELECT s."id" AS id, ${rank(VECTOR.source)} AS score, s."name" AS label, NULL AS "articleId", NULL AS "articleTitle",
      NULL AS "claimId", s."name" AS text1, s."notes" AS text2, s."reliability" AS text3
    FROM "Source" s
    WHERE ${matches(VECTOR.source)} AND s."teamId" = $2 AND s."mergedIntoId" IS NULL`,
  // As on SQLite: a match in the title or outlet first (tier), then a match in the latest version's text.
  article: `SELECT a."id" AS id, hit.score AS score, a."title" AS label, a."id" AS "articleId", a."title" AS "articleTitle", NULL AS "claimId",
      a."title" AS text1, a."outlet" AS text2,
      (SELECT v."text" FROM "ArticleVersion" v WHERE v."articleId" = a."id" ORDER BY v."number" DESC LIMIT 1) AS text3
    FROM (
      SELECT id, max(tier) AS tier, max(score) AS score FROM (
        SELECT a."id" AS id, 1 AS tier, ${rank(VECTOR.articleTitle)} AS score
          FROM "Article" a WHERE ${matches(VECTOR.articleTitle)} AND a."teamId" = $2
        UNION ALL
        SELECT v."articleId" AS id, 0 AS tier, ${rank(VECTOR.articleText)} AS score
          FROM "ArticleVersion" v WHERE ${matches(VECTOR.articleText)} AND v."teamId" = $2
            AND v."number" = (SELECT max(w."number") FROM "ArticleVersion" w WHERE w."articleId" = v."articleId")
      ) found GROUP BY id
    ) hit JOIN "Article" a ON a."id" = hit.id`,
};

export async function searchPostgres(db: Db, query: KindQuery): Promise<SearchRow[]> {
  const tier = query.kind === "article" ? "hit.tier DESC, " : "";
  return db.$queryRawUnsafe<SearchRow[]>(`${SQL[query.kind]} ORDER BY ${tier}score DESC, id LIMIT $3 OFFSET $4`, toTsQuery(query.terms), query.teamId, query.limit, query.offset);
}

/** The SQL of one kind's search, for the test that reads its plan. */
export const postgresSearchSql = SQL;
