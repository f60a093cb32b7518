import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveSqlitePath } from "./database-url";

/**
 * Builds a Prisma client on the embedded SQLite file. Used by lib/db.ts for the app and
 * directly by scripts and tests, which must not import "server-only".
 */
export function createPrismaClient(databaseUrl: string, options: { logQueries?: boolean } = {}) {
  // A writer waits up to 10 s for another writer's lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: resolveSqlitePath(databaseUrl), timeout: 10_000 });
  return new PrismaClient({
    adapter,
    log: options.logQueries ? [{ emit: "event", level: "query" }] : [],
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
