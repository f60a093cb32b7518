/**
 * What the full-text search migration (20261202130600_full_text_search) makes by hand, outside
 * the Prisma schema (docs/decisions/0021-full-text-search.md): on SQLite an FTS5 table per searched
 * table with three triggers, on PostgreSQL one function and GIN expression indexes. Prisma neither
 * describes nor drops them; prisma/migration-history.test.ts leaves them out of its comparison
 * with the data model and checks instead that they are all there, and `npm run db:check` refuses a
 * SQLite migration that rebuilds a searched table without rebuilding its index.
 */
export const SEARCH_MIGRATION = "20261202130600_full_text_search";

/** Searched table -> its FTS5 table (SQLite). */
export const SQLITE_SEARCH_TABLES: Record<string, string> = {
  Claim: "ClaimSearch",
  ClaimComment: "CommentSearch",
  Source: "SourceSearch",
  Article: "ArticleSearch",
  ArticleVersion: "ArticleTextSearch",
};

export const SQLITE_SEARCH_TRIGGERS = Object.values(SQLITE_SEARCH_TABLES).flatMap((fts) => [`${fts}_insert`, `${fts}_delete`, `${fts}_update`]);

/** An FTS5 table or one of its shadow tables (`<name>_data`, `_idx`, `_docsize`, `_config`). */
export function isSqliteSearchTable(table: string): boolean {
  return Object.values(SQLITE_SEARCH_TABLES).some((fts) => table === fts || /^_(data|idx|docsize|config|content)$/.test(table.slice(fts.length)) && table.startsWith(fts));
}

export const POSTGRES_SEARCH_INDEXES = [
  "Claim_search_idx",
  "Claim_rationale_search_idx",
  "ClaimComment_search_idx",
  "Source_search_idx",
  "Article_search_idx",
  "ArticleVersion_search_idx",
];
export const POSTGRES_SEARCH_FUNCTIONS = ["factdesk_search_long_vector", "factdesk_search_vector"];

/**
 * SQLite migrations after the search migration that redefine a searched table (Prisma's
 * `DROP TABLE "T"` then `ALTER TABLE "new_T" RENAME TO "T"`, which drops the table's triggers and
 * renumbers its rowids) without creating its triggers again and rebuilding its FTS5 table.
 */
export function findUnkeptSearchIndexes(migrations: { name: string; sql: string }[]): string[] {
  const problems: string[] = [];
  for (const migration of migrations.filter((candidate) => candidate.name > SEARCH_MIGRATION)) {
    for (const [table, fts] of Object.entries(SQLITE_SEARCH_TABLES)) {
      if (!new RegExp(`DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?"?${table}"?\\s*;`, "i").test(migration.sql)) continue;
      const missing = [...[`${fts}_insert`, `${fts}_delete`, `${fts}_update`].map((trigger) => `CREATE TRIGGER "${trigger}"`), `INSERT INTO "${fts}" ("${fts}") VALUES ('rebuild')`].filter(
        (statement) => !migration.sql.includes(statement),
      );
      if (missing.length > 0) {
        problems.push(
          `Migration ${migration.name} rebuilds table "${table}", which drops its search triggers and renumbers its rows: add, after the rebuild, the statements of ${SEARCH_MIGRATION} for "${fts}" but its CREATE VIRTUAL TABLE (missing: ${missing.join(", ")}).`,
        );
      }
    }
  }
  return problems;
}
