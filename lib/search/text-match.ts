import { dialectOf, type Db } from "@/lib/config/prisma-client";

/**
 * "Contains, ignoring case" that behaves the same on SQLite and PostgreSQL, which Prisma's
 * `contains` does not (../../docs/decisions/0011-two-databases-one-schema.md):
 * - case is ignored for every alphabet ("École" finds "ÉCOLE"), not only ASCII: on SQLite through
 *   `factdesk_fold`, a function the app registers on its connection (lib/config/prisma-client.ts),
 *   which lower-cases as JavaScript does; on PostgreSQL through `lower()` under the ICU root
 *   collation, whatever the database's own locale;
 * - what the user typed is matched literally: `%` and `_` are not wildcards (a substring test,
 *   `instr`/`strpos`, rather than LIKE);
 * - the query is a parameter, never spliced into the SQL.
 * Column and table names come from this codebase only.
 */
export type ContainsQuery = {
  /** The table whose ids are returned. */
  table: string;
  /** The team whose rows are searched (the table's `teamId`). */
  teamId: string;
  /** Text columns of the table, any of which may contain the needle. */
  columns: string[];
  /** More tables whose text points at the rows by `key` (an article's versions by `articleId`). */
  related?: { table: string; key: string; columns: string[] }[];
  limit?: number;
};

/** The ids of the rows that contain `needle` in any of the columns, at most `limit` (2,000). */
export async function findIdsContaining(db: Db, query: ContainsQuery, needle: string): Promise<string[]> {
  const dialect = dialectOf(db);
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return dialect === "postgresql" ? `$${params.length}` : "?";
  };
  const contains = (column: string) =>
    dialect === "postgresql"
      ? `strpos(lower(${quote(column)} COLLATE "und-x-icu"), lower(${param(needle)} COLLATE "und-x-icu")) > 0`
      : `instr(factdesk_fold(${quote(column)}), factdesk_fold(${param(needle)})) > 0`;
  const teamParam = param(query.teamId);
  const conditions = query.columns.map(contains);
  for (const related of query.related ?? []) {
    conditions.push(`${quote("id")} IN (SELECT ${quote(related.key)} FROM ${quote(related.table)} WHERE ${quote("teamId")} = ${param(query.teamId)} AND (${related.columns.map(contains).join(" OR ")}))`);
  }
  const sql = `SELECT ${quote("id")} AS id FROM ${quote(query.table)} WHERE ${quote("teamId")} = ${teamParam} AND (${conditions.join(" OR ")}) LIMIT ${Math.trunc(query.limit ?? 2_000)}`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((row) => row.id);
}

function quote(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`Not an identifier: ${identifier}`);
  return `"${identifier}"`;
}

/** Names in the order people expect, the same on every database (not the database's collation). */
export const compareNames = new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare;
