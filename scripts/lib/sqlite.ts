import Database from "better-sqlite3";
import { resolveSqlitePath } from "../../lib/config/database-url";

/**
 * WAL lets readers work while one writer writes; it is a property of the file, so it is set
 * once here rather than on every connection. This is SQLite operations, not domain code.
 */
export function enableWal(databaseUrl: string) {
  const sqlite = new Database(resolveSqlitePath(databaseUrl));
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}
