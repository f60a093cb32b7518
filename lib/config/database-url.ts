import path from "node:path";

/** The embedded default: a SQLite file under data/, which git ignores. */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

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
