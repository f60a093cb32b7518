import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { resolveSqlitePath } from "@/lib/config/database-url";
import { createPrismaClient } from "@/lib/config/prisma-client";
import { createEmptyTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { findFreePort } from "./free-port";
import { applyMigrations, MIGRATIONS_FOLDER, MigrationError, planMigrations, readMigrations } from "./migrate";

// The runner on the run's database (SQLite, or PostgreSQL under `npm run test:pg`), with
// migration folders of the test's own.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-migrations-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const folder = path.join(root, MIGRATIONS_FOLDER[testDatabaseKind]);

function writeMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(folder, name), { recursive: true });
  fs.writeFileSync(path.join(folder, name, "migration.sql"), sql);
}

/** The database's own tables (not SQLite's, such as the planner's sqlite_stat1). */
async function tables(url: string): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    const rows = testDatabaseKind === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name`)
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    return rows.map((row) => row.name);
  } finally {
    await db.$disconnect();
  }
}

async function recorded(url: string): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`);
    return rows.map((row) => row.migration_name);
  } finally {
    await db.$disconnect();
  }
}

describe("applying migrations", () => {
  const database = createEmptyTestDatabase();
  writeMigration("20260101000000_people", `CREATE TABLE "Person" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT 'a;b');`);
  writeMigration("20260102000000_notes", `CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY, "personId" TEXT NOT NULL REFERENCES "Person" ("id") ON DELETE CASCADE);`);

  it("applies a history in order, records each migration as Prisma does, and then has nothing to do", async () => {
    await database.ready;
    expect(await applyMigrations(database.url, { root })).toEqual(["20260101000000_people", "20260102000000_notes"]);
    expect(await tables(database.url)).toEqual(["Note", "Person", "_prisma_migrations"]);
    expect(await recorded(database.url)).toEqual(["20260101000000_people", "20260102000000_notes"]);
    expect(await applyMigrations(database.url, { root })).toEqual([]);
  });

  it("rolls a failing migration back whole: neither its first statement nor its record stays", async () => {
    writeMigration("20260103000000_broken", `CREATE TABLE "Tag" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "Nowhere" VALUES (1);`);
    const failure = await applyMigrations(database.url, { root }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toMatch(/^Migration 20260103000000_broken failed and was rolled back; the database is as it was before it\. .*Nowhere/);
    expect(await tables(database.url)).toEqual(["Note", "Person", "_prisma_migrations"]);
    expect(await recorded(database.url)).toEqual(["20260101000000_people", "20260102000000_notes"]);
    fs.rmSync(path.join(folder, "20260103000000_broken"), { recursive: true });
  });

  it("refuses a database that is ahead of the code, and changes nothing", async () => {
    const newer = createEmptyTestDatabase();
    await newer.ready;
    await applyMigrations(newer.url, { root });
    const removed = path.join(root, "removed");
    fs.renameSync(path.join(folder, "20260102000000_notes"), removed);
    try {
      writeMigration("20260101500000_tags", `CREATE TABLE "Tag" ("id" TEXT NOT NULL PRIMARY KEY);`);
      await expect(applyMigrations(newer.url, { root })).rejects.toThrow(
        "The database is ahead of this code: it has migrations this version does not know (20260102000000_notes). It was set up by a newer version: run that version, or restore a backup taken before the upgrade. Nothing was changed.",
      );
      expect(await tables(newer.url)).toEqual(["Note", "Person", "_prisma_migrations"]);
    } finally {
      fs.rmSync(path.join(folder, "20260101500000_tags"), { recursive: true });
      fs.renameSync(removed, path.join(folder, "20260102000000_notes"));
    }
  });

  it("applies each migration once when several app processes start at the same moment", async () => {
    const shared = createEmptyTestDatabase();
    await shared.ready;
    const runs = await Promise.all([1, 2, 3].map(() => applyMigrations(shared.url, { root })));
    expect(runs.flat().sort()).toEqual(["20260101000000_people", "20260102000000_notes"]);
    expect(await recorded(shared.url)).toEqual(["20260101000000_people", "20260102000000_notes"]);
  });
});

describe.runIf(testDatabaseKind === "sqlite")("a SQLite table redefinition", () => {
  it("keeps the rows of other tables that point at the redefined one (no cascade through the copy)", async () => {
    const database = createEmptyTestDatabase();
    writeMigration("20260104000000_rename", [
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      `CREATE TABLE "new_Person" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT 'a;b', "email" TEXT);`,
      `INSERT INTO "new_Person" ("id", "name") SELECT "id", "name" FROM "Person";`,
      `DROP TABLE "Person";`,
      `ALTER TABLE "new_Person" RENAME TO "Person";`,
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
    ].join("\n"));
    fs.renameSync(path.join(folder, "20260104000000_rename"), path.join(root, "later"));
    await applyMigrations(database.url, { root });
    const db = createPrismaClient(database.url);
    await db.$executeRawUnsafe(`INSERT INTO "Person" ("id") VALUES ('p1')`);
    await db.$executeRawUnsafe(`INSERT INTO "Note" ("id", "personId") VALUES ('n1', 'p1')`);
    await db.$disconnect();
    fs.renameSync(path.join(root, "later"), path.join(folder, "20260104000000_rename"));
    try {
      expect(await applyMigrations(database.url, { root })).toEqual(["20260104000000_rename"]);
      const after = createPrismaClient(database.url);
      expect(await after.$queryRawUnsafe(`SELECT "id" FROM "Note"`)).toEqual([{ id: "n1" }]);
      await after.$disconnect();
    } finally {
      fs.rmSync(path.join(folder, "20260104000000_rename"), { recursive: true });
    }
  });
});

describe.runIf(testDatabaseKind === "sqlite")("SQLite's planner statistics after migrating", () => {
  it("analyses a table whose new index has no statistics, so the first requests are not planned blind", async () => {
    const database = createEmptyTestDatabase();
    await applyMigrations(database.url, { root });
    // 500 people with 10 names, written without the app's client (which would analyse them).
    const sqlite = new Database(resolveSqlitePath(database.url));
    writeMigration("20260105000000_person_name", `CREATE INDEX "Person_name_idx" ON "Person" ("name");`);
    try {
      sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO "Person" ("id", "name") SELECT 'p' || i, 'n' || (i % 10) FROM n`);
      expect(await applyMigrations(database.url, { root })).toEqual(["20260105000000_person_name"]);
      expect(sqlite.prepare(`SELECT stat FROM sqlite_stat1 WHERE idx = 'Person_name_idx'`).get()).toEqual({ stat: "500 50" });
    } finally {
      sqlite.close();
      fs.rmSync(path.join(folder, "20260105000000_person_name"), { recursive: true });
    }
  });
});

describe("refusals before anything runs", () => {
  it("says clearly that PostgreSQL cannot be reached, naming the server without its password", async () => {
    const port = await findFreePort();
    await expect(applyMigrations(`postgresql://factdesk:secret@127.0.0.1:${port}/newsroom`, { root })).rejects.toThrow(
      `Cannot reach PostgreSQL at postgresql://factdesk:***@127.0.0.1:${port}/newsroom (ECONNREFUSED). Check DATABASE_URL and that the server is running and accepts connections from this machine. Nothing was changed.`,
    );
  });

  it("refuses a migration that failed half-way under an earlier version (Prisma's own runner had no transaction)", () => {
    const migrations = readMigrations(testDatabaseKind, root);
    const row = { migration_name: migrations[0].name, checksum: migrations[0].checksum, finished_at: null, rolled_back_at: null };
    expect(() => planMigrations(migrations, [row])).toThrow(/^The database has a migration that failed half-way under an earlier version \(20260101000000_people\)\./);
  });

  it("refuses a pending migration that manages its own transaction (Prisma writes one for a removed enum value)", () => {
    const migrations = readMigrations(testDatabaseKind, root);
    const own = { name: "20260105000000_enum", sql: 'BEGIN;\nCREATE TYPE "Role_new" AS ENUM (\'owner\');\nCOMMIT;\n', checksum: "x" };
    expect(() => planMigrations([...migrations, own], [])).toThrow(/^Migration 20260105000000_enum manages its own transaction \(BEGIN\/COMMIT\)\./);
  });

  it("accepts the BEGIN ... END of a trigger or function body, and still refuses a COMMIT beside one", () => {
    const migrations = readMigrations(testDatabaseKind, root);
    const trigger = 'CREATE TRIGGER "t_insert" AFTER INSERT ON "T" BEGIN\n    INSERT INTO "U" (id) VALUES (new.id);\nEND;\n';
    const fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n    RETURN 1;\nEND\n$$;\n";
    expect(planMigrations([...migrations, { name: "20260105000000_trigger", sql: trigger + fn, checksum: "x" }], []).pending).toHaveLength(migrations.length + 1);
    const own = { name: "20260105000000_trigger", sql: `${trigger}COMMIT;\n`, checksum: "x" };
    expect(() => planMigrations([...migrations, own], [])).toThrow(/manages its own transaction/);
  });

  it("warns, and does not run again, a migration edited after it was applied", () => {
    const migrations = readMigrations(testDatabaseKind, root);
    const rows = migrations.map((migration) => ({ migration_name: migration.name, checksum: migration.checksum, finished_at: new Date(), rolled_back_at: null }));
    rows[0].checksum = "0".repeat(64);
    expect(planMigrations(migrations, rows)).toEqual({
      pending: [],
      warnings: ["Migration 20260101000000_people was edited after it was applied to this database; its new text is not applied again."],
    });
  });
});
