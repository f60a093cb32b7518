import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { resolveSqlitePath } from "@/lib/config/database-url";
import { derivePostgresSchema, MIGRATED_SCHEMA, readText } from "@/scripts/db/schemas";
import { diffSchemas } from "@/scripts/db/prisma-diff";
import { isSqliteSearchTable, POSTGRES_SEARCH_FUNCTIONS, POSTGRES_SEARCH_INDEXES, SQLITE_SEARCH_TABLES, SQLITE_SEARCH_TRIGGERS } from "@/scripts/db/search-objects";
import { createEmptyTestDatabase, createTestDatabase, testDatabaseKind } from "@/tests/test-db";

/**
 * The committed history of the run's database (prisma/migrations, or prisma/postgresql/migrations
 * under `npm run test:pg`) builds exactly the data model of prisma/migrated.prisma: the same
 * tables, columns, types, defaults, indexes and foreign keys as a database made in one step from
 * that model. A hand-edited migration that drifted from the schema fails here.
 * (`npm run db:check` checks that prisma/schema.prisma itself has no change left unmigrated.)
 * The full-text search objects, which the data model cannot describe, are left out of the
 * comparison and checked on their own (scripts/db/search-objects.ts).
 */
type Catalog = Record<string, unknown>;

function describeSqlite(url: string): Catalog {
  const sqlite = new Database(resolveSqlitePath(url), { readonly: true });
  try {
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`).all() as { name: string }[]).map((row) => row.name)
      .filter((table) => !isSqliteSearchTable(table));
    return Object.fromEntries(
      tables.map((table) => {
        const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[])
          .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, dflt_value, pk }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const indexes = (sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[])
          .map(({ name, unique, origin }) => ({ name, unique, origin, columns: (sqlite.pragma(`index_info("${name}")`) as { name: string }[]).map((column) => column.name) }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const foreignKeys = (sqlite.pragma(`foreign_key_list("${table}")`) as { table: string; from: string; to: string; on_update: string; on_delete: string }[])
          .map(({ table: target, from, to, on_update, on_delete }) => ({ target, from, to, on_update, on_delete }))
          .sort((a, b) => `${a.from}${a.target}`.localeCompare(`${b.from}${b.target}`));
        return [table, { columns, indexes, foreignKeys }];
      }),
    );
  } finally {
    sqlite.close();
  }
}

async function describePostgres(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name != '_prisma_migrations' ORDER BY table_name, column_name`),
      indexes: (await query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations' ORDER BY tablename, indexname`)).filter(
        (row) => !POSTGRES_SEARCH_INDEXES.includes(row.indexname),
      ),
      constraints: await query(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"') ORDER BY 1, 2`),
      types: await query(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

async function describeDatabase(url: string): Promise<Catalog> {
  return testDatabaseKind === "sqlite" ? describeSqlite(url) : describePostgres(url);
}

async function execute(url: string, sql: string): Promise<void> {
  if (testDatabaseKind === "sqlite") {
    const sqlite = new Database(resolveSqlitePath(url));
    sqlite.exec(sql);
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe(`the ${testDatabaseKind} migration history`, () => {
  const migrated = createTestDatabase();
  const direct = createEmptyTestDatabase();

  it("builds exactly the data model of prisma/migrated.prisma", async () => {
    const model = readText(MIGRATED_SCHEMA);
    const script = diffSchemas(null, testDatabaseKind === "sqlite" ? model : derivePostgresSchema(model));
    expect(script).not.toBeNull();
    await Promise.all([migrated.ready, direct.ready]);
    await execute(direct.url, script!);
    const [fromHistory, fromModel] = await Promise.all([describeDatabase(migrated.url), describeDatabase(direct.url)]);
    expect(Object.keys(fromHistory).length).toBeGreaterThan(0);
    expect(fromHistory).toEqual(fromModel);
  }, 60_000);

  it("has every full-text search table, trigger, function and index, and its indexes are sound", async () => {
    await migrated.ready;
    if (testDatabaseKind === "sqlite") {
      const sqlite = new Database(resolveSqlitePath(migrated.url));
      try {
        const names = (type: string) => (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as { name: string }[]).map((row) => row.name);
        expect(names("trigger")).toEqual([...SQLITE_SEARCH_TRIGGERS].sort());
        expect(names("table").filter((name) => Object.values(SQLITE_SEARCH_TABLES).includes(name)).sort()).toEqual(Object.values(SQLITE_SEARCH_TABLES).sort());
        // FTS5 compares each index with its content table; it throws when they differ.
        for (const fts of Object.values(SQLITE_SEARCH_TABLES)) sqlite.prepare(`INSERT INTO "${fts}" ("${fts}", rank) VALUES ('integrity-check', 1)`).run();
      } finally {
        sqlite.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    try {
      const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%' ORDER BY indexname`);
      expect(indexes.rows.map((row) => row.indexname)).toEqual([...POSTGRES_SEARCH_INDEXES].sort());
      const functions = await client.query(`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND provolatile = 'i' ORDER BY proname`);
      expect(functions.rows.map((row) => row.proname)).toEqual(POSTGRES_SEARCH_FUNCTIONS);
    } finally {
      await client.end();
    }
  }, 60_000);
});
