/**
 * A fresh, migrated database of a script's own (the bench, the load test, the e2e run on
 * PostgreSQL, the process-kill test), removed afterwards: a SQLite file, or a PostgreSQL database
 * on the server POSTGRES_URL_VARIABLE names (a URL whose user may create databases; the script
 * creates its own there and drops it) or, without one, on a server of the script's own
 * (scripts/lib/postgres-cluster.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describeDatabaseUrl, type DatabaseKind } from "../../lib/config/database-url";
import { migrateDatabase } from "./migrate";
import { startCluster, type Cluster } from "./postgres-cluster";

export type ThrowawayDatabase = {
  kind: DatabaseKind;
  url: string;
  /** Where it is, for the log (no password). */
  describe: string;
  /** Drops the database (and stops the server started for it); safe to call twice. */
  remove: () => Promise<void>;
};

/** Reads `--db sqlite|postgresql` from a script's arguments (SQLite when absent). */
export function readDatabaseKind(args: string[]): DatabaseKind {
  const index = args.indexOf("--db");
  if (index === -1) return "sqlite";
  const value = args[index + 1];
  if (value === "sqlite" || value === "postgresql") return value;
  throw new Error(`--db must be sqlite or postgresql, not "${value ?? ""}"`);
}

/** Reads `--processes N` (a whole number from 1 to 16; 1 when absent). */
export function readProcessCount(args: string[]): number {
  const index = args.indexOf("--processes");
  if (index === -1) return 1;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 16) throw new Error(`--processes must be a whole number from 1 to 16, not "${args[index + 1] ?? ""}"`);
  return value;
}

/**
 * Makes the database and applies the migrations. `name` names it (a file name on SQLite, a
 * database on PostgreSQL: lower case, digits, _). `durable`: a server started here keeps
 * PostgreSQL's durability (fsync on every commit), as figures meant for production need.
 */
export async function createThrowawayDatabase(
  kind: DatabaseKind,
  options: { name: string; sqliteFile?: string; serverUrl?: string; durable?: boolean },
): Promise<ThrowawayDatabase> {
  if (kind === "sqlite") {
    if (options.sqliteFile) return createSqlite(options.sqliteFile, () => undefined);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name}-`));
    return createSqlite(path.join(dir, `${options.name}.db`), () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  if (!/^[a-z0-9_]+$/.test(options.name)) throw new Error(`a database name of lower case letters, digits and _, not "${options.name}"`);
  const cluster: Cluster | null = options.serverUrl ? null : await startCluster({ durable: options.durable });
  const adminUrl = options.serverUrl ?? cluster!.url("postgres");
  const url = withDatabase(adminUrl, options.name);
  try {
    await runOnServer(adminUrl, `DROP DATABASE IF EXISTS "${options.name}" WITH (FORCE)`);
    await runOnServer(adminUrl, `CREATE DATABASE "${options.name}"`);
    migrateDatabase(url, { quiet: true });
  } catch (error) {
    cluster?.stop();
    throw error;
  }
  let isRemoved = false;
  return {
    kind,
    url,
    describe: `PostgreSQL ${cluster ? `(a server of this run's own${options.durable ? ", fsync on" : ""}) ` : ""}${describeDatabaseUrl(url)}`,
    async remove() {
      if (isRemoved) return;
      isRemoved = true;
      try {
        if (!cluster) await runOnServer(adminUrl, `DROP DATABASE IF EXISTS "${options.name}" WITH (FORCE)`);
      } finally {
        cluster?.stop();
      }
    },
  };
}

/** `afterRemoval`: removes the folder made for the file, if one was. */
function createSqlite(file: string, afterRemoval: () => void): ThrowawayDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const removeFiles = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  };
  removeFiles();
  const url = `file:${file}`;
  migrateDatabase(url, { quiet: true });
  return {
    kind: "sqlite",
    url,
    describe: `SQLite ${file}`,
    async remove() {
      removeFiles();
      afterRemoval();
    },
  };
}

async function runOnServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
