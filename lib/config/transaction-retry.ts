/**
 * Retries an interactive transaction that the database or Prisma refused before anything of it
 * could stick. Such a failure rolls the whole transaction back, so running the callback again is
 * safe (the callbacks in lib/ only touch the database).
 *
 * SQLite:
 * - SQLITE_BUSY_SNAPSHOT: a deferred transaction read, another connection (a second process:
 *   a script, a test's seeding) committed, then this one tried to write. SQLite refuses at once;
 *   the busy timeout does not apply. A fresh attempt reads the new snapshot.
 * - SQLITE_BUSY (Prisma P1008 through the adapter): the busy timeout ran out.
 * PostgreSQL (what arrives through @prisma/adapter-pg 6.19, provoked in transaction-retry.test.ts):
 * - a deadlock (SQLSTATE 40P01): PostgreSQL aborts one of the transactions that wait for each
 *   other's row locks. It arrives as the adapter's own error (name DriverAdapterError, the code
 *   in `cause.originalCode`), or from a raw query as P2010 with the adapter's error in `meta`.
 * - a serialization failure (40001; only at Repeatable Read or Serializable): P2034 from a
 *   statement, or the adapter's error with `cause.kind` TransactionWriteConflict from COMMIT.
 * Both:
 * - P2028 "Unable to start a transaction in the given time": transactions queue for a connection
 *   (SQLite's one, PostgreSQL's pool), and this one waited longer than `maxWait`.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const sqlState = sqlStateOf(error);
  if (sqlState === "40001" || sqlState === "40P01") return true;
  if (typeof code !== "string") return false;
  if (code.startsWith("SQLITE_BUSY") || code === "P1008" || code === "P2034") return true;
  return code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction in the given time");
}

/** The SQLSTATE a PostgreSQL error carries through the driver adapter, wherever Prisma put it. */
function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { cause, meta } = error as { cause?: { originalCode?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const state = cause?.originalCode ?? meta?.driverAdapterError?.cause?.originalCode;
  return typeof state === "string" ? state : undefined;
}

export type RetryOptions = { attempts?: number; baseDelayMs?: number; onRetry?: (error: unknown, attempt: number) => void };

/** Runs `attempt` up to `attempts` times while it fails retryably, with jittered exponential backoff. */
export async function retryTransaction<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 20;
  for (let number = 1; ; number += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (number >= attempts || !isRetryableTransactionError(error)) throw error;
      options.onRetry?.(error, number);
      const delay = baseDelayMs * 2 ** (number - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}

type TransactionClient = { $transaction: (...args: never[]) => Promise<unknown> };

/**
 * Makes the client's interactive `$transaction(async (tx) => ...)` retry as above. The method is
 * replaced on the instance rather than through `$extends`, which would drop `$on` (query logging
 * in tests). Batch transactions (`$transaction([...])`) are passed through: their queries are
 * built before the call and cannot be run again.
 */
export function retryInteractiveTransactions<Client extends TransactionClient>(client: Client, options: RetryOptions = {}): Client {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const patched = (...args: unknown[]) =>
    typeof args[0] === "function" ? retryTransaction(() => original(...args), options) : original(...args);
  Object.assign(client, { $transaction: patched });
  return client;
}
