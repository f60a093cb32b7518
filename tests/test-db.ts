import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "../lib/config/prisma-client";

/**
 * A fresh, migrated SQLite database for the calling test file (a copy of the run's template).
 * Call it at the top of a test file; the file is removed after the file's tests.
 */
export function setUpTestDatabase(options: { logQueries?: boolean } = {}): Db {
  const template = inject("templateDatabase");
  const file = path.join(path.dirname(template), `${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  const db = createPrismaClient(`file:${file}`, options);
  afterAll(async () => {
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
  return db;
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
  let count = 0;
  (db as unknown as { $on: (event: "query", listener: () => void) => void }).$on("query", () => {
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
