import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseKind, resolveSqlitePath, type DatabaseKind } from "./database-url";
import { wrapConnect } from "./adapter-factory";
import { keepPlannerStatistics } from "./planner-statistics";
import { serializeConnection } from "./serialized-adapter";
import { retryInteractiveTransactions } from "./transaction-retry";

/** How long a transaction waits for its turn on a connection (Prisma's default is 2 s). */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

/** Connections one client keeps to PostgreSQL unless told otherwise (the app: DATABASE_POOL_SIZE, lib/env.ts). */
export const DEFAULT_POOL_SIZE = 10;

export type ClientOptions = {
  logQueries?: boolean;
  poolSize?: number;
  /** Awaited before the first connection is opened (a test's database being created). */
  beforeConnect?: () => Promise<void>;
};

/**
 * Builds a Prisma client for DATABASE_URL: the embedded SQLite file (`file:`) or PostgreSQL
 * (`postgresql://`). Used by lib/db.ts for the app and directly by scripts and tests, which must
 * not import "server-only". The two generated clients have the same models (the PostgreSQL schema
 * is derived from the SQLite one, scripts/db/schemas.ts), so the app sees one type, `Db`.
 */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): Db {
  const log = options.logQueries ? [{ emit: "event" as const, level: "query" as const }] : [];
  // Queuing for a connection beats failing (the same 10 s a SQLite writer waits for a lock).
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  if (databaseKind(databaseUrl) === "postgresql") {
    const pool = releaseAfterFailedEnd(new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? DEFAULT_POOL_SIZE }));
    const adapter = waitBeforeConnecting(pool, options.beforeConnect);
    const client = new PostgresPrismaClient({ adapter, log, transactionOptions });
    // A serialization failure or deadlock between concurrent transactions is retried.
    return withDialect(retryInteractiveTransactions(client) as Db, "postgresql");
  }
  // A writer waits up to 10 s for another writer's lock instead of failing at once.
  // Queries outside a transaction wait for an open one to end (lib/config/serialized-adapter.ts).
  // The planner's statistics are brought up to date on opening and hourly (decision 0029).
  const connection = serializeConnection(withSqlFunctions(new PrismaBetterSQLite3({ url: resolveSqlitePath(databaseUrl), timeout: 10_000 })));
  const adapter = waitBeforeConnecting(keepPlannerStatistics(connection), options.beforeConnect);
  const client = new PrismaClient({ adapter, log, transactionOptions });
  // A snapshot conflict with another process's write, or a wait that still ran out, is retried.
  return withDialect(retryInteractiveTransactions(client), "sqlite");
}

const DIALECT = Symbol.for("factdesk.dialect");

function withDialect(client: Db, dialect: DatabaseKind): Db {
  Object.defineProperty(client, DIALECT, { value: dialect });
  return client;
}

/** Which database a client talks to, for the few queries written in SQL (lib/search/text-match.ts). */
export function dialectOf(db: Db): DatabaseKind {
  const dialect = (db as unknown as { [DIALECT]?: DatabaseKind })[DIALECT];
  if (!dialect) throw new Error("Not a client made by createPrismaClient");
  return dialect;
}

/**
 * SQL functions the app's queries use on SQLite, registered on each connection:
 * `factdesk_fold(text)` lower-cases every alphabet as JavaScript does (SQLite's own lower() and
 * LIKE know ASCII only); PostgreSQL has the same through lower() under ICU (lib/search/text-match.ts).
 */
function withSqlFunctions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return wrapConnect(factory, async (open) => {
    const adapter = await open();
    const sqlite = (adapter as unknown as { client: { function: (name: string, options: { deterministic: boolean }, run: (value: unknown) => unknown) => void } }).client;
    sqlite.function("factdesk_fold", { deterministic: true }, (value) => (typeof value === "string" ? value.toLowerCase() : value));
    return adapter;
  });
}

type EndableTransaction = { executeRaw: (query: { sql: string }) => Promise<number>; rollback: () => Promise<void> };
type TransactionStarter = { startTransaction: (...args: never[]) => Promise<EndableTransaction> };

/**
 * Prisma 6.19's transaction manager runs COMMIT (or ROLLBACK) on the transaction's connection and
 * only then hands the connection back to the pool; when that statement fails (a serialization
 * failure at COMMIT, a lost connection) it never does, and a pool that loses all its connections
 * this way makes every later query wait for ever (seen in transaction-retry.test.ts). Here the
 * connection goes back whenever COMMIT or ROLLBACK fails: PostgreSQL has ended the transaction.
 */
function releaseAfterFailedEnd(factory: PrismaPg): PrismaPg {
  return wrapConnect(factory, async (open) => {
    const adapter = (await open()) as unknown as TransactionStarter;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const transaction = await startTransaction(...args);
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          // rollback() only hands the connection back (the SQL was sent above).
          if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await transaction.rollback();
          throw error;
        }
      };
      return transaction;
    };
    return adapter as unknown as Awaited<ReturnType<PrismaPg["connect"]>>;
  });
}

/** The adapter factory, whose connect() first awaits `beforeConnect`. */
function waitBeforeConnecting<Factory extends { connect: () => Promise<unknown> }>(factory: Factory, beforeConnect?: () => Promise<void>): Factory {
  if (!beforeConnect) return factory;
  return wrapConnect(factory, (open) => beforeConnect().then(open));
}

/** The app's database client, whichever database it runs on (typed as the SQLite one's). */
export type Db = PrismaClient;
