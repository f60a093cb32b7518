import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveSqlitePath } from "./database-url";
import { serializeConnection } from "./serialized-adapter";
import { retryInteractiveTransactions } from "./transaction-retry";

/** How long a transaction waits for its turn on the one connection (Prisma's default is 2 s). */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * Builds a Prisma client on the embedded SQLite file. Used by lib/db.ts for the app and
 * directly by scripts and tests, which must not import "server-only".
 */
export function createPrismaClient(databaseUrl: string, options: { logQueries?: boolean } = {}) {
  // A writer waits up to 10 s for another writer's lock instead of failing at once.
  // Queries outside a transaction wait for an open one to end (lib/config/serialized-adapter.ts).
  const adapter = serializeConnection(new PrismaBetterSQLite3({ url: resolveSqlitePath(databaseUrl), timeout: 10_000 }));
  const client = new PrismaClient({
    adapter,
    log: options.logQueries ? [{ emit: "event", level: "query" }] : [],
    // The adapter runs one transaction at a time; under load the queue is what takes time, and
    // waiting in it beats failing (the same 10 s a writer waits for another process's lock).
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
  });
  // A snapshot conflict with another process's write, or a wait that still ran out, is retried.
  return retryInteractiveTransactions(client);
}

export type Db = ReturnType<typeof createPrismaClient>;
