import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type ClientOptions, type Db } from "../lib/config/prisma-client";
import { migrateDatabase } from "../scripts/lib/migrate";
import { withDatabase } from "./global-setup";

const source = inject("testDatabase");

/** Which database this run's tests use (TEST_DATABASE, tests/global-setup.ts). */
export const testDatabaseKind = source.kind;

async function onServer(sql: string): Promise<void> {
  if (source.kind !== "postgresql") throw new Error("not a PostgreSQL run");
  const admin = new pg.Client({ connectionString: source.adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A database of the calling test file's own, a copy of the run's migrated template, removed after
 * the file's tests. On PostgreSQL it is created in the background: `ready` settles when it can be
 * used (setUpTestDatabase's client waits for it before it connects).
 */
export function createTestDatabase(): { url: string; ready: Promise<void> } {
  if (source.kind === "sqlite") {
    const file = path.join(path.dirname(source.template), `${randomUUID()}.db`);
    fs.copyFileSync(source.template, file);
    afterAll(() => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    });
    return { url: `file:${file}`, ready: Promise.resolve() };
  }
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const ready = onServer(`CREATE DATABASE "${name}" TEMPLATE "${source.template}"`);
  afterAll(async () => {
    await ready.catch(() => undefined);
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url: withDatabase(source.adminUrl, name), ready };
}

/** An empty database (no tables at all) of the calling test file's own, for migration tests. */
export function createEmptyTestDatabase(): { url: string; ready: Promise<void> } {
  if (source.kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-empty-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    return { url: `file:${path.join(dir, "empty.db")}`, ready: Promise.resolve() };
  }
  const name = `empty_${randomUUID().replaceAll("-", "")}`;
  const ready = onServer(`CREATE DATABASE "${name}"`);
  afterAll(async () => {
    await ready.catch(() => undefined);
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url: withDatabase(source.adminUrl, name), ready };
}

/**
 * A fresh, migrated database for the calling test file, on the run's database (SQLite unless
 * TEST_DATABASE=postgresql). Call it at the top of a test file.
 */
export function setUpTestDatabase(options: Omit<ClientOptions, "beforeConnect"> = {}): Db {
  return openTestDatabase(options).db;
}

/** The same, with the database's URL, for a test that opens more connections to it (another process). */
export function openTestDatabase(options: Omit<ClientOptions, "beforeConnect"> = {}): { db: Db; url: string; ready: Promise<void> } {
  const { url, ready } = createTestDatabase();
  const db = createPrismaClient(url, { ...options, beforeConnect: () => ready });
  // Registered after the database's removal, so it runs before it (after-hooks run last first).
  afterAll(() => db.$disconnect());
  return { db, url, ready };
}

/**
 * A migrated SQLite file of the calling test file's own, on every run: for the tests of what only
 * SQLite has (its one-connection serializer, its busy retries, its file backups).
 */
export function createSqliteTestDatabase(): string {
  if (source.kind === "sqlite") return createTestDatabase().url;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-sqlite-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(url, { quiet: true });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return url;
}

/** Makes a user (and, unless told otherwise, their own team as owner) with unique names. */
export async function createTestUser(db: Db, overrides: { name?: string; email?: string; passwordHash?: string } = {}) {
  const id = randomUUID().slice(0, 8);
  return db.user.create({
    data: { name: overrides.name ?? `User ${id}`, email: overrides.email ?? `user-${id}@example.test`, passwordHash: overrides.passwordHash },
  });
}

/**
 * Counts the SQL statements a client runs (it must come from `setUpTestDatabase({ logQueries: true })`),
 * to prove that a page's number of queries does not grow with its data.
 */
export function countQueries(db: Db) {
  let statements: string[] = [];
  (db as unknown as { $on: (event: "query", listener: (event: { query: string }) => void) => void }).$on("query", ({ query }) => {
    statements.push(query);
  });
  return {
    get count() {
      return statements.length;
    },
    /** The statements' text since the last reset, in the order they ran. */
    get statements(): readonly string[] {
      return statements;
    },
    reset() {
      statements = [];
    },
  };
}
