/**
 * Helpers for tests of racing writes (docs/decisions/0012-concurrent-writes.md).
 *
 * `race` starts the operations at the same moment and waits for them all. On PostgreSQL each runs
 * its transaction on a connection of its own, side by side under Read Committed and statement for
 * statement in step (they run the same queries): what one reads, the other has not written yet,
 * which is the window a read-then-write path must close. On SQLite they run one after the other,
 * which is what every guard must make of them on PostgreSQL too.
 */
export function race<T>(...operations: Array<() => Promise<T>>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(operations.map((operation) => operation()));
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
