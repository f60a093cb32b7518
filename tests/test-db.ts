import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "../lib/config/prisma-client";

/**
 * A fresh, migrated SQLite database for the calling test file (a copy of the run's template).
 * Call it at the top of a test file; the file is removed after the file's tests.
 */
export function setUpTestDatabase(): Db {
  const template = inject("templateDatabase");
  const file = path.join(path.dirname(template), `${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  const db = createPrismaClient(`file:${file}`);
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
