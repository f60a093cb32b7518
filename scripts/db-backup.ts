/**
 * `npm run db:backup [-- --out FILE]`: a consistent copy of the app's SQLite database, taken
 * while the app runs (lib/config/backup.ts). Default: data/backups/app-<UTC time>.db.
 * Restore with `npm run db:restore -- FILE` (docs/operations.md).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, defaultBackupPath } from "../lib/config/backup";
import { resolveSqlitePath } from "../lib/config/database-url";
import { loadLocalEnv } from "../lib/config/load-env";

loadLocalEnv();
let options: { out?: string };
try {
  options = parseArgs({ options: { out: { type: "string" } } }).values;
} catch {
  console.error("usage: npm run db:backup [-- --out FILE]");
  process.exit(2);
}
const database = resolveSqlitePath(process.env.DATABASE_URL!);
const out = path.resolve(options.out ?? defaultBackupPath(database));
try {
  const result = backupDatabase(database, out);
  console.log(`backup of ${path.relative(process.cwd(), database)}: ${path.relative(process.cwd(), result.file)}`);
  console.log(`size ${(result.bytes / 1024).toFixed(0)} KiB (${result.bytes} bytes), ${result.ms} ms, integrity_check: ${result.integrity}`);
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
}
