import pg from "pg";
import { testDatabaseKind } from "./test-db";

/**
 * Helpers for tests of racing writes (docs/decisions/0013-concurrent-writes.md).
 *
 * `race` starts the operations at the same moment and waits for them all. On PostgreSQL each runs
 * its transaction on a connection of its own, side by side under Read Committed and statement for
 * statement in step (they run the same queries): what one reads, the other has not written yet,
 * which is the window a read-then-write path must close. On SQLite they run one after the other,
 * which is what every guard must make of them on PostgreSQL too.
 */
export function race<T extends unknown[]>(...operations: { [K in keyof T]: () => Promise<T[K]> }): Promise<{ [K in keyof T]: PromiseSettledResult<T[K]> }> {
  return Promise.allSettled(operations.map((operation) => operation())) as Promise<{ [K in keyof T]: PromiseSettledResult<T[K]> }>;
}

/** How many rounds a racing test runs, each on fresh rows: one lost race is enough to fail it. */
export const ROUNDS = 4;

export function countFulfilled(results: PromiseSettledResult<unknown>[]): number {
  return results.filter((result) => result.status === "fulfilled").length;
}

/** The messages of the operations that failed, in the order they were started. */
export function refusalsOf(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((result) => (result.status === "rejected" ? [String((result.reason as Error)?.message ?? result.reason)] : []));
}

/**
 * Stalls writers at a known point: a connection of the test's own locks the row (FOR UPDATE)
 * until `release`, so a transaction that inserts or updates a row pointing at it waits there,
 * while others go on. This orders a race that lock-step timing alone would not. PostgreSQL only
 * (SQLite runs the transactions one after the other anyway): there `release` is all it is.
 */
export async function holdRow(url: string, table: string, id: string): Promise<{ release: () => Promise<void> }> {
  if (testDatabaseKind !== "postgresql") return { release: async () => undefined };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, [id]);
  return {
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/** Waits for `promise`, or `ms` at most (for a stalled race whose other side may be waiting on it). */
export function settleWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}
