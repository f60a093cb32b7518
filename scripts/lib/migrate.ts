/**
 * Applies the committed migrations of the database DATABASE_URL names: prisma/migrations on
 * SQLite, prisma/postgresql/migrations on PostgreSQL. Each migration runs in a transaction of its
 * own (a failing one leaves nothing behind) and is recorded in Prisma's `_prisma_migrations`
 * table as Prisma records it, so `prisma migrate status` and databases migrated by earlier
 * versions (which ran `prisma migrate deploy`) agree with it. Several processes may start at
 * once: a lock makes one apply while the others wait, then find nothing left to do.
 *
 * Why not `prisma migrate deploy`: on PostgreSQL it fails through the JS engine's pg adapter, and
 * where it runs it splits scripts on ";" with no transaction. docs/decisions/0011-two-databases-one-schema.md.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, describeDatabaseUrl, resolveSqlitePath, type DatabaseKind } from "../../lib/config/database-url";
import { OPTIMIZE_PRAGMA } from "../../lib/config/planner-statistics";
import { countOf } from "../../lib/text/plural";

export const MIGRATIONS_FOLDER: Record<DatabaseKind, string> = {
  sqlite: path.join("prisma", "migrations"),
  postgresql: path.join("prisma", "postgresql", "migrations"),
};

export type Migration = { name: string; sql: string; checksum: string };
type Recorded = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/** A refusal with a message for the operator (printed as it is, without a stack). */
export class MigrationError extends Error {}

/** The committed migrations of one database, oldest first (their folder names sort by date). */
export function readMigrations(kind: DatabaseKind, root = process.cwd()): Migration[] {
  const folder = path.join(root, MIGRATIONS_FOLDER[kind]);
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      // Prisma's checksum: SHA-256 of the file, hex.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** What is still to apply, or why the database cannot be migrated by this code. */
export function planMigrations(migrations: Migration[], recorded: Recorded[]): { pending: Migration[]; warnings: string[] } {
  const known = new Set(migrations.map((migration) => migration.name));
  const failed = recorded.filter((row) => !row.finished_at && !row.rolled_back_at);
  if (failed.length > 0) {
    throw new MigrationError(
      `The database has a migration that failed half-way under an earlier version (${failed.map((row) => row.migration_name).join(", ")}). ` +
        "Restore the backup taken before that upgrade (docs/operations.md), then run setup again.",
    );
  }
  const applied = recorded.filter((row) => row.finished_at && !row.rolled_back_at);
  const unknown = applied.filter((row) => !known.has(row.migration_name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database is ahead of this code: it has migrations this version does not know (${unknown.map((row) => row.migration_name).join(", ")}). ` +
        "It was set up by a newer version: run that version, or restore a backup taken before the upgrade. Nothing was changed.",
    );
  }
  const appliedByName = new Map(applied.map((row) => [row.migration_name, row]));
  for (const migration of migrations.filter((candidate) => !appliedByName.has(candidate.name))) {
    // Its COMMIT would end the runner's transaction half-way: what follows could not be rolled back.
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|END)\b\s*;/im.test(withoutBodies(migration.sql))) {
      throw new MigrationError(
        `Migration ${migration.name} manages its own transaction (BEGIN/COMMIT). Each migration runs in one transaction of the runner's: remove those lines, ` +
          "and split the migration if part of it cannot run in a transaction (docs/decisions/0012-typed-schema.md). Nothing was changed.",
      );
    }
  }
  const warnings = migrations
    .filter((migration) => appliedByName.has(migration.name) && appliedByName.get(migration.name)!.checksum !== migration.checksum)
    .map((migration) => `Migration ${migration.name} was edited after it was applied to this database; its new text is not applied again.`);
  return { pending: migrations.filter((migration) => !appliedByName.has(migration.name)), warnings };
}

/**
 * The script without the bodies of triggers and functions, whose own BEGIN ... END (SQLite's
 * `CREATE TRIGGER ... BEGIN ... END;`, PL/pgSQL in `$$ ... $$`) are no transaction control.
 */
function withoutBodies(sql: string): string {
  return sql.replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, "''").replace(/\bCREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b[\s\S]*?\bBEGIN\b[\s\S]*?^\s*END\s*;/gim, "");
}

type Target = {
  recorded(): Promise<Recorded[]>;
  /** Applies one migration and records it, in one transaction, unless another process just did. */
  apply(migration: Migration): Promise<boolean>;
  /** Brings the planner's statistics up to date after a successful run (autovacuum does it on PostgreSQL). */
  analyze(): Promise<void>;
  close(): Promise<void>;
};

/** Applies what is pending; returns the names applied. */
export async function applyMigrations(databaseUrl: string, options: { log?: (line: string) => void; root?: string } = {}): Promise<string[]> {
  const kind = databaseKind(databaseUrl);
  const log = options.log ?? (() => undefined);
  const target = kind === "sqlite" ? openSqlite(databaseUrl) : await openPostgres(databaseUrl);
  try {
    const { pending, warnings } = planMigrations(readMigrations(kind, options.root), await target.recorded());
    warnings.forEach((warning) => log(`Warning: ${warning}`));
    const applied: string[] = [];
    for (const migration of pending) {
      try {
        if (await target.apply(migration)) applied.push(migration.name);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back; the database is as it was before it. ${(error as Error).message}`);
      }
    }
    await target.analyze();
    log(applied.length ? `Applied ${countOf(applied.length, "migration")} to ${describeDatabaseUrl(databaseUrl)}: ${applied.join(", ")}.` : `The database at ${describeDatabaseUrl(databaseUrl)} is up to date.`);
    return applied;
  } finally {
    await target.close();
  }
}

/** `npm run setup` and `npm run db:migrate`: applies, printing what it did; a refusal is printed and exits 1. */
export async function migrateOrExit(databaseUrl: string): Promise<void> {
  try {
    await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * The same, for callers that cannot await (scripts, Playwright's server start): runs
 * scripts/db/migrate.ts in a child process and throws if it refused.
 */
export function migrateDatabase(databaseUrl: string, options: { quiet?: boolean } = {}) {
  execFileSync(process.execPath, ["--import", "tsx", path.join("scripts", "db", "migrate.ts")], {
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function openSqlite(databaseUrl: string): Target {
  const file = resolveSqlitePath(databaseUrl);
  let sqlite: Database.Database;
  try {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new Database(file);
  } catch (error) {
    throw new MigrationError(`Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
  }
  // Redefining a table copies it and drops the old one: with foreign keys enforced, that drop
  // would cascade to the rows that point at it. SQLite's documented procedure: keys off outside
  // the transaction, then foreign_key_check before committing.
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.exec(SQLITE_TABLE);
  // WAL lets readers work while one writer writes; it is a property of the file, set once here.
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  return {
    async recorded() {
      return sqlite.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as Recorded[];
    },
    async apply(migration) {
      const run = sqlite.transaction(() => {
        const done = sqlite.prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`).get(migration.name);
        if (done) return false;
        sqlite.exec(migration.sql);
        const broken = sqlite.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`${countOf(broken.length, "row")} would point at rows that do not exist.`);
        sqlite
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`)
          .run(randomUUID(), migration.checksum, migration.name, sqliteTimestamp(), sqliteTimestamp());
        return true;
      });
      return run.immediate();
    },
    async analyze() {
      // SQLite's advice after a schema change: a new index has no statistics until ANALYZE, and
      // the planner guesses without them; a database upgraded with data is analysed here, at
      // setup, rather than at the app's first request (lib/config/planner-statistics.ts).
      try {
        sqlite.exec(OPTIMIZE_PRAGMA);
      } catch (error) {
        console.warn(`SQLite ${OPTIMIZE_PRAGMA} failed after migrating; the app runs it again when it opens the database`, error);
      }
    },
    async close() {
      sqlite.close();
    },
  };
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** One number for every Factdesk migrator of a database: pg_advisory_xact_lock takes a bigint. */
const MIGRATION_LOCK = 0x66616374_6465736bn; // "factdesk"

async function openPostgres(databaseUrl: string): Promise<Target> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    throw new MigrationError(
      `Cannot reach PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (${code ?? message}). ` +
        "Check DATABASE_URL and that the server is running and accepts connections from this machine. Nothing was changed.",
    );
  }
  // The table is made under the lock too: two first starts must not race to create it.
  await client.query("BEGIN");
  await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK.toString()]);
  await client.query(POSTGRES_TABLE);
  await client.query("COMMIT");
  return {
    async recorded() {
      return (await client.query<Recorded>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)).rows;
    },
    async apply(migration) {
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK.toString()]);
        const done = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, [migration.name]);
        if (done.rowCount) {
          await client.query("ROLLBACK");
          return false;
        }
        // One query with every statement: the simple protocol runs them in this transaction.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        return true;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async analyze() {},
    async close() {
      await client.end();
    },
  };
}

/** The text Prisma writes into `_prisma_migrations` on SQLite: `2026-12-02T08:41:11.665+00:00`. */
function sqliteTimestamp(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}
