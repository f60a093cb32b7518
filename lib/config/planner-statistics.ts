import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { wrapConnect } from "./adapter-factory";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * ANALYZE, in full, of every table that has an index without statistics or has grown or shrunk
 * tenfold since it was last analysed; nothing otherwise (about 1 ms). SQLite's advice for a
 * long-lived connection's opening. Not the plain `PRAGMA optimize`: it analyses at most 2,000
 * rows an index, which puts a team at about 1,000 claims however many it has, and with that the
 * planner still reads the article list's claim counts through `teamId`, as with no statistics
 * at all (docs/decisions/0029-sqlite-planner-statistics.md).
 */
export const OPTIMIZE_PRAGMA = "PRAGMA optimize=0x10002";

/** How often a long-lived connection checks again: tables keep growing while the server runs. */
export const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps SQLite's planner statistics (sqlite_stat1) current: OPTIMIZE_PRAGMA when the connection
 * opens and then hourly. Without statistics the planner takes every index as equally selective
 * and reads one article's claims through `Claim`'s (teamId, …) indexes, all the team's claims.
 *
 * Wraps the serialized factory (lib/config/serialized-adapter.ts): the pragma waits its turn, so
 * ANALYZE never runs inside another request's transaction. A failure (another process writing
 * past the busy timeout, a read-only file) is logged, never thrown: statistics only speed reads.
 */
export function keepPlannerStatistics(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return wrapConnect(factory, async (open): Promise<Adapter> => {
    const adapter = await open();
    const optimize = () =>
      adapter.executeRaw({ sql: OPTIMIZE_PRAGMA, args: [], argTypes: [] }).then(
        () => undefined,
        (error: unknown) => console.warn(`SQLite ${OPTIMIZE_PRAGMA} failed; the query planner keeps the statistics it had`, error),
      );
    await optimize();
    const timer = setInterval(() => void optimize(), OPTIMIZE_EVERY_MS);
    timer.unref();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      clearInterval(timer);
      return dispose();
    };
    return adapter;
  });
}
