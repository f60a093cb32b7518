/**
 * Retries an interactive transaction that SQLite or Prisma refused before anything of it could
 * stick. Such a failure rolls the whole transaction back, so running the callback again is safe
 * (the callbacks in lib/ only touch the database).
 *
 * - SQLITE_BUSY_SNAPSHOT: a deferred transaction read, another connection (a second process:
 *   a script, a test's seeding) committed, then this one tried to write. SQLite refuses at once;
 *   the busy timeout does not apply. A fresh attempt reads the new snapshot.
 * - SQLITE_BUSY (Prisma P1008 through the adapter): the busy timeout ran out.
 * - P2028 "Unable to start a transaction in the given time": transactions of one process queue
 *   for the adapter's single connection, and this one waited longer than `maxWait`.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return false;
  if (code.startsWith("SQLITE_BUSY") || code === "P1008") return true;
  return code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction in the given time");
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
