import path from "node:path";

/** The embedded default: a SQLite file under data/, which git ignores. */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** Which database a DATABASE_URL names: a SQLite file (`file:`) or a PostgreSQL server. */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite file: URL or a postgresql:// URL, got "${url.split(":")[0]}:..."`);
}

/**
 * Turns a `file:` URL into an absolute path. Relative paths are taken from the working
 * directory (the repo root for every script), not from prisma/ as Prisma's own engine would.
 */
export function resolveSqlitePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${url.split(":")[0]}:..."`);
  }
  const file = url.slice("file:".length).split("?")[0];
  return file === ":memory:" ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  if (databaseKind(url) === "sqlite") return resolveSqlitePath(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
